package ch.mspguard.checklist.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.ReferenceNetworks;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.Hosting;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.nets;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class ExoPort25RuleTests {

	private final ExoPort25Rule rule = new ExoPort25Rule();

	@Test
	void mixedGatewayIsNotApplicable() {
		Verdict verdict = verdict(this.rule,
				gateway()
					.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline()),
							tenant("beta").domains(domain("b.example")))
					.smtpSources("any"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.EXO-PORT25.message.not-pure-exchange-online"));
	}

	@Test
	void gatewayWithoutExchangeOnlineIsNotApplicable() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example"))).smtpSources("any"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
	}

	@Test
	void gatewayWithoutDomainsIsNotPureExchangeOnline() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha")).smtpSources("any"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
	}

	@Test
	void sourcesNotRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, pure());
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.EXO-PORT25.message.not-recorded"));
	}

	@Test
	void sourcesInsideTheRangesPass() {
		Verdict verdict = verdict(this.rule,
				pure().smtpSources("40.92.0.0/15", "40.107.3.0/24", "104.47.0.1", "2a01:111:f403::/48"));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS,
				Message.of("rule.EXO-PORT25.message.restricted", "2022072800"), null, "rule.EXO-PORT25.remediation"));
	}

	@Test
	void sourceCoveredByTwoRangesTogetherPasses() {
		Verdict verdict = verdict(this.rule, pure().smtpSources("192.0.2.0/24")
			.exchangeOnlineRanges(new ReferenceNetworks("test", nets("192.0.2.0/25", "192.0.2.128/25"))));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void noSourceAtAllPasses() {
		Verdict verdict = verdict(this.rule, pure().smtpSources());
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void sourcesOutsideTheRangesFailAndOnlyTheDetailNamesThem() {
		Verdict verdict = verdict(this.rule,
				pure().smtpSources("40.92.0.0/15", "40.92.0.0/14", "2a01:111:f401::/48", "198.51.100.7"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.EXO-PORT25.message.open", "2022072800"));
		assertThat(verdict.detail()).isEqualTo(Message.of("rule.EXO-PORT25.message.open.detail", "2022072800",
				"40.92.0.0/14, 2a01:111:f401::/48, 198.51.100.7"));
	}

	@Test
	void catchAllSourceFails() {
		Verdict verdict = verdict(this.rule, pure().smtpSources("40.92.0.0/15", "internet"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.detail().args()).containsExactly("2022072800", "internet");
	}

	@Test
	void azureGatewayGetsTheNetworkSecurityGroupRemediation() {
		Verdict verdict = verdict(this.rule, pure().hosting(Hosting.AZURE).smtpSources("any"));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.remediationKey()).isEqualTo("rule.EXO-PORT25.remediation.azure");
		assertThat(this.rule.remediationKeys()).contains(verdict.remediationKey());
	}

	@Test
	void otherHostingGetsTheFirewallRemediation() {
		for (Hosting hosting : new Hosting[] { Hosting.ON_PREMISES, Hosting.OTHER_CLOUD, null }) {
			Verdict verdict = verdict(this.rule, pure().hosting(hosting).smtpSources("any"));
			assertThat(verdict.remediationKey()).isEqualTo("rule.EXO-PORT25.remediation");
		}
		assertThat(this.rule.remediationKeys())
			.isEqualTo(List.of("rule.EXO-PORT25.remediation", "rule.EXO-PORT25.remediation.azure"));
	}

	private static SnapshotFixtures.GatewayBuilder pure() {
		return gateway().tenants(tenant("alpha").domains(domain("a.example").exchangeOnline()),
				tenant("beta").domains(domain("b.example").exchangeOnline(), domain("c.example").exchangeOnline()));
	}

}
