package ch.mspguard.checklist.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class TlsInGatewayRuleTests {

	private final TlsInGatewayRule rule = new TlsInGatewayRule();

	@Test
	void requiredTlsPasses() {
		Verdict verdict = verdict(this.rule, gateway().requireTls(true));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.TLS-IN-GATEWAY.message.enabled"), null,
				"rule.TLS-IN-GATEWAY.remediation"));
	}

	@Test
	void optionalTlsFails() {
		Verdict verdict = verdict(this.rule, gateway().requireTls(false));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-IN-GATEWAY.message.disabled"));
	}

	@Test
	void notRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, gateway());
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-IN-GATEWAY.message.not-recorded"));
	}

	@Test
	void oneGatewayFindingWithoutTenantOrDomain() {
		List<Finding> findings = this.rule.evaluate(gateway().requireTls(true)
			.tenants(tenant("alpha").domains(domain("a.example")), tenant("beta"))
			.context());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.scope()).isEqualTo(Scope.GATEWAY);
			assertThat(finding.tenant()).isNull();
			assertThat(finding.domain()).isNull();
		});
	}

}
