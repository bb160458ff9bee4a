package ch.mspguard.exceptions;

import java.util.List;

import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.StoredFinding;

/**
 * What the rule saw of one covered finding when the exception was granted: its outcome
 * and its message with the arguments the verdict depends on. A finding that no longer
 * matches is no longer the one that was accepted.
 *
 * @param domain the domain for domain findings, else {@code null}
 * @param outcome the outcome
 * @param key the message key (which branch of the rule decided)
 * @param args the message arguments (the values the verdict depends on)
 */
public record BoundFinding(String domain, Outcome outcome, String key, List<String> args) {

	static BoundFinding of(StoredFinding finding) {
		return new BoundFinding(finding.domain(), finding.outcome(), finding.key(), finding.args());
	}

	boolean matches(Finding finding) {
		return this.outcome == finding.outcome() && this.key.equals(finding.verdict().message().key())
				&& this.args.equals(finding.verdict().message().args());
	}

	/** What changed, for the record and the light history: outcome and arguments. */
	static String describe(Outcome outcome, List<String> args) {
		return outcome.name() + " " + args;
	}

}
