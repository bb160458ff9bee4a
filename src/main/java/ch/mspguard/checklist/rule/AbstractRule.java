package ch.mspguard.checklist.rule;

import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Severity;

/**
 * Holds the fixed facts of a rule, which the checklist table defines and which never
 * depend on the data.
 */
public abstract class AbstractRule implements Rule {

	private final String id;

	private final Severity severity;

	private final String source;

	protected AbstractRule(String id, Severity severity, String source) {
		this.id = id;
		this.severity = severity;
		this.source = source;
	}

	@Override
	public final String id() {
		return this.id;
	}

	@Override
	public final Severity severity() {
		return this.severity;
	}

	@Override
	public final String source() {
		return this.source;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
