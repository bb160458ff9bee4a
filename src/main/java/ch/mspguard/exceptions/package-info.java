/**
 * Exceptions (issue 14): an accepted deviation from one rule for one tenant, with a
 * reason, an expiry and a second pair of eyes. An active exception keeps watching: it is
 * bound to what the rule saw when it was granted and stops covering (needs review) as
 * soon as that changes; it lapses at its expiry by itself. The only module that reads or
 * writes the {@code finding_exception} table; the checklist asks it which findings are
 * covered through {@link ch.mspguard.checklist.FindingCoverage}.
 */
@ApplicationModule(displayName = "Exceptions (accepted risks)")
package ch.mspguard.exceptions;

import org.springframework.modulith.ApplicationModule;
