package ch.mspguard.checklist;

/**
 * How bad a failure of a rule is, most severe first.
 */
public enum Severity {

	CRITICAL, HIGH, MEDIUM

}
