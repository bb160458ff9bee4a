package ch.mspguard.checklist;

import java.util.List;

/**
 * One rule of the hardening checklist: a pure function from one gateway's configuration
 * to findings. No clock, no database, no Spring: the same code evaluates stored data, an
 * uploaded document before import, and benchmark data.
 */
public interface Rule {

	/** The rule's id as the checklist names it, e.g. {@code TLS-OUT}. */
	String id();

	Scope scope();

	Severity severity();

	/** The seed section or reason the rule comes from, e.g. {@code §1, §4}. */
	String source();

	/** One finding per subject of the rule's scope. */
	List<Finding> evaluate(EvaluationContext context);

	/** Bundle key of the rule's default remediation text. */
	default String remediationKey() {
		return "rule." + id() + ".remediation";
	}

	/** A verdict with this rule's message key {@code rule.<id>.message.<name>}. */
	default Verdict verdict(Outcome outcome, String name, String... args) {
		return new Verdict(outcome, Message.of(messageKey(name), args), null, remediationKey());
	}

	default String messageKey(String name) {
		return "rule." + id() + ".message." + name;
	}

}
