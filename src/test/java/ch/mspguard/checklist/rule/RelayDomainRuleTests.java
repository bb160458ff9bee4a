package ch.mspguard.checklist.rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static ch.mspguard.checklist.rule.SnapshotFixtures.withDomains;
import static org.assertj.core.api.Assertions.assertThat;

class RelayDomainRuleTests {

	private final RelayDomainRule rule = new RelayDomainRule();

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0", "any", "internet", "*" })
	void catchAllEntryFails(String catchAll) {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").allow("192.0.2.10", catchAll)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message().key()).isEqualTo("rule.RELAY-DOMAIN.message.catch-all");
		assertThat(verdict.message().args()).containsExactly(SnapshotFixtures.net(catchAll).text());
	}

	@Test
	void catchAllFailsEvenWithHeaderCheckAndOutranksBroadEntries() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").allow("10.0.0.0/8", "0.0.0.0/0").headerCheck()));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.FAIL,
				Message.of("rule.RELAY-DOMAIN.message.catch-all", "0.0.0.0/0"), null, "rule.RELAY-DOMAIN.remediation"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "198.51.100.0/23", "10.0.0.0/8", "128.0.0.0/1", "2001:db8::/47", "2001:db8::/32", "8000::/1" })
	void broadEntryWarnsAndIsNamed(String broad) {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").allow("192.0.2.10", broad)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-DOMAIN.message.broad", broad));
	}

	@Test
	void allBroadEntriesAreNamed() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").allow("198.51.100.0/23", "192.0.2.10", "2001:db8::/40")));
		assertThat(verdict.message().args()).containsExactly("198.51.100.0/23, 2001:db8::/40");
	}

	@ParameterizedTest
	@ValueSource(strings = { "198.51.100.0/24", "192.0.2.10", "2001:db8::/48", "2001:db8::1" })
	void narrowEntriesPass(String narrow) {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").allow(narrow)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-DOMAIN.message.restricted", narrow));
	}

	@Test
	void placeholderAloneRestrictsRelaying() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").allow("10.255.255.254")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void headerCheckWithoutEntriesWarns() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").headerCheck()));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.RELAY-DOMAIN.message.header-check-only", "X-Relay-Token"));
	}

	@Test
	void neitherEntriesNorHeaderCheckFails() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-DOMAIN.message.unrestricted"));
	}

}
