package ch.mspguard.checklist;

import java.util.ArrayList;
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

	/**
	 * Bundle keys of every message and detail message the rule's verdicts can carry, so
	 * that a missing or orphaned text is found by a test rather than by a reader.
	 */
	default List<String> messageKeys() {
		return List.of();
	}

	/** Bundle key of the rule's default remediation text. */
	default String remediationKey() {
		return "rule." + id() + ".remediation";
	}

	/** Bundle keys of every remediation text the rule's verdicts can point to. */
	default List<String> remediationKeys() {
		return List.of(remediationKey());
	}

	default String titleKey() {
		return "rule." + id() + ".title";
	}

	default String rationaleKey() {
		return "rule." + id() + ".rationale";
	}

	/** Every bundle key the rule needs: title, rationale, remediations and messages. */
	default List<String> textKeys() {
		List<String> keys = new ArrayList<>();
		keys.add(titleKey());
		keys.add(rationaleKey());
		keys.addAll(remediationKeys());
		keys.addAll(messageKeys());
		return List.copyOf(keys);
	}

	/** A verdict with this rule's message key {@code rule.<id>.message.<name>}. */
	default Verdict verdict(Outcome outcome, String name, String... args) {
		return new Verdict(outcome, Message.of(messageKey(name), args), null, remediationKey());
	}

	/** A verdict whose operator message says more than the one tenant admins see. */
	default Verdict verdict(Outcome outcome, Message message, Message detail) {
		return new Verdict(outcome, message, detail, remediationKey());
	}

	default Message message(String name, String... args) {
		return Message.of(messageKey(name), args);
	}

	/** The operator and auditor version of message {@code name}. */
	default Message detail(String name, String... args) {
		return Message.of(detailKey(name), args);
	}

	default String messageKey(String name) {
		return "rule." + id() + ".message." + name;
	}

	default String detailKey(String name) {
		return messageKey(name) + ".detail";
	}

}
