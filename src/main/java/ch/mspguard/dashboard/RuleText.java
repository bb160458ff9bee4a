package ch.mspguard.dashboard;

import java.util.List;

import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;

/**
 * A rule of the catalogue with its texts in the reader's language.
 *
 * @param id the rule id
 * @param scope its scope
 * @param severity its severity
 * @param source the seed section or reason
 * @param title the title
 * @param rationale why it matters
 * @param remediations the remediation texts (more than one where hosting changes the fix)
 */
public record RuleText(String id, Scope scope, Severity severity, String source, String title, String rationale,
		List<String> remediations) {

}
