package ch.mspguard.checklist.rule;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.accept;
import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.reject;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class SpoofWelcomeRuleTests {

	private final SpoofWelcomeRule rule = new SpoofWelcomeRule();

	@Test
	void spoofProtectionOffIsNotApplicable() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(false).relaying("192.0.2.0/24"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-WELCOME.message.spoof-protection-off"));
	}

	@Test
	void spoofProtectionNotRecordedIsNotApplicable() {
		Verdict verdict = verdict(this.rule, gateway().relaying("192.0.2.0/24"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
	}

	@Test
	void relayingNetworksNotRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(true).manualList(accept("any")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-WELCOME.message.relaying-not-recorded"));
	}

	@Test
	void mixedGatewayWithoutRecordedExchangeOnlineRelayingIsUnknown() {
		Verdict verdict = verdict(this.rule,
				mixed().spoofProtection(true).relaying("192.0.2.0/24").manualList(accept("192.0.2.0/24")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.SPOOF-WELCOME.message.exchange-online-relaying-not-recorded"));
	}

	@Test
	void mixedGatewayNeedsExchangeOnlineRelayingWelcomelisted() {
		Verdict verdict = verdict(this.rule,
				mixed().spoofProtection(true)
					.relaying("192.0.2.0/24")
					.exoRelaying("40.92.0.0/15", "2a01:111:f400::/48")
					.manualList(accept("192.0.2.0/24"), accept("40.92.0.0/15")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-WELCOME.message.uncovered", "1"));
		assertThat(verdict.detail())
			.isEqualTo(Message.of("rule.SPOOF-WELCOME.message.uncovered.detail", "1", "2a01:111:f400::/48"));
	}

	@Test
	void mixedGatewayPassesWhenBothListsAreCovered() {
		Verdict verdict = verdict(this.rule,
				mixed().spoofProtection(true)
					.relaying("192.0.2.0/24")
					.exoRelaying("40.92.0.0/15")
					.manualList(accept("192.0.2.0/24"), accept("40.92.0.0/15")));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.SPOOF-WELCOME.message.covered"), null,
				"rule.SPOOF-WELCOME.remediation"));
	}

	@Test
	void pureExchangeOnlineGatewayDoesNotNeedExchangeOnlineRelaying() {
		SnapshotFixtures.GatewayBuilder pure = gateway()
			.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline()));
		Verdict verdict = verdict(this.rule,
				pure.spoofProtection(true).relaying("192.0.2.0/24").manualList(accept("192.0.2.0/24")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		pure.exoRelaying("40.92.0.0/15");
		assertThat(verdict(this.rule, pure).outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void gatewayWithoutExchangeOnlineDoesNotNeedExchangeOnlineRelaying() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example")))
					.spoofProtection(true)
					.relaying("192.0.2.0/24")
					.exoRelaying("40.92.0.0/15")
					.manualList(accept("192.0.2.0/24")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void twoAcceptEntriesTogetherCoverARelayingNetwork() {
		Verdict verdict = verdict(this.rule,
				gateway().spoofProtection(true)
					.relaying("192.0.2.0/24", "2001:db8::/48")
					.manualList(accept("192.0.2.0/25"), accept("192.0.2.128/25"), accept("2001:db8::/49"),
							accept("2001:db8:0:8000::/49")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void halfCoveredNetworkFailsAndOnlyTheDetailNamesIt() {
		Verdict verdict = verdict(this.rule,
				gateway().spoofProtection(true)
					.relaying("192.0.2.0/24", "198.51.100.7")
					.manualList(accept("192.0.2.0/25"), accept("198.51.100.0/24")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message().args()).containsExactly("1");
		assertThat(verdict.detail().args()).containsExactly("1", "192.0.2.0/24");
	}

	@Test
	void rejectEntriesDoNotCount() {
		Verdict verdict = verdict(this.rule,
				gateway().spoofProtection(true)
					.relaying("192.0.2.0/24")
					.manualList(accept("192.0.2.0/25"), reject("192.0.2.128/25")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void ipv4EntriesDoNotCoverIpv6Networks() {
		Verdict verdict = verdict(this.rule,
				gateway().spoofProtection(true).relaying("2001:db8::/48").manualList(accept("0.0.0.0/0")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.detail().args()).containsExactly("1", "2001:db8::/48");
	}

	@Test
	void keywordAcceptEntryCoversBothFamilies() {
		Verdict verdict = verdict(this.rule,
				gateway().spoofProtection(true).relaying("2001:db8::/48", "192.0.2.0/24").manualList(accept("any")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void welcomelistNotRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(true).relaying("192.0.2.0/24"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.SPOOF-WELCOME.message.welcomelist-not-recorded"));
	}

	@Test
	void nothingToCoverPasses() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(true).relaying());
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void emptyWelcomelistFails() {
		Verdict verdict = verdict(this.rule, gateway().spoofProtection(true).relaying("192.0.2.0/24").manualList());
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	private static SnapshotFixtures.GatewayBuilder mixed() {
		return gateway().tenants(tenant("alpha").domains(domain("a.example").exchangeOnline()),
				tenant("beta").domains(domain("b.example")));
	}

}
