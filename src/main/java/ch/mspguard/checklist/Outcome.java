package ch.mspguard.checklist;

/**
 * The outcome of one rule on one subject.
 */
public enum Outcome {

	PASS, WARN, FAIL,

	/** The data the rule needs is not recorded. */
	UNKNOWN,

	NOT_APPLICABLE;

	/**
	 * Whether the outcome needs attention; missing data does too, it never shows green.
	 */
	public boolean isProblem() {
		return this == FAIL || this == WARN || this == UNKNOWN;
	}

}
