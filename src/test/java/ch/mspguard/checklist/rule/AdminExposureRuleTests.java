package ch.mspguard.checklist.rule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class AdminExposureRuleTests {

	private final AdminExposureRule rule = new AdminExposureRule();

	@Test
	void notRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, gateway());
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.ADMIN-EXPOSURE.message.not-recorded"));
	}

	@Test
	void notReachableAtAllPasses() {
		Verdict verdict = verdict(this.rule, gateway().adminSources());
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.ADMIN-EXPOSURE.message.not-reachable"),
				null, "rule.ADMIN-EXPOSURE.remediation"));
	}

	@Test
	void restrictedSourcesPassEvenWhenBroad() {
		Verdict verdict = verdict(this.rule, gateway().adminSources("203.0.113.10", "10.0.0.0/8", "0.0.0.0/1"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.ADMIN-EXPOSURE.message.restricted"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0", "any", "*", "internet" })
	void catchAllSourceFailsAndOnlyTheDetailNamesIt(String catchAll) {
		Verdict verdict = verdict(this.rule, gateway().adminSources("203.0.113.10", catchAll));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.ADMIN-EXPOSURE.message.catch-all"));
		assertThat(verdict.detail()).isEqualTo(
				Message.of("rule.ADMIN-EXPOSURE.message.catch-all.detail", SnapshotFixtures.net(catchAll).text()));
	}

}
