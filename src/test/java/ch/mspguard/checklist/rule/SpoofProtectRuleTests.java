package ch.mspguard.checklist.rule;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class SpoofProtectRuleTests {

	private final SpoofProtectRule rule = new SpoofProtectRule();

	@Test
	void enabledPasses() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(true));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.SPOOF-PROTECT.message.enabled"), null,
				"rule.SPOOF-PROTECT.remediation"));
	}

	@Test
	void disabledWarnsBecauseItIsOnlyRecommended() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(false));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-PROTECT.message.disabled"));
	}

	@Test
	void notRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, gateway());
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-PROTECT.message.not-recorded"));
	}

}
