package ch.mspguard.checklist;

import java.util.Collection;

/**
 * The traffic light of a tenant or gateway: the worst outcome of its findings.
 */
public enum Light {

	GREEN, YELLOW, RED;

	/** RED if any FAIL; else YELLOW if any WARN or UNKNOWN; else GREEN. */
	public static Light of(Collection<Outcome> outcomes) {
		if (outcomes.contains(Outcome.FAIL)) {
			return RED;
		}
		if (outcomes.contains(Outcome.WARN) || outcomes.contains(Outcome.UNKNOWN)) {
			return YELLOW;
		}
		return GREEN;
	}

}
