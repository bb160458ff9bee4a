package ch.mspguard.checklist.rule;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.MailServerTls;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class TlsInTenantRuleTests {

	private final TlsInTenantRule rule = new TlsInTenantRule();

	@Test
	void verifiedPasses() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").mailServerTls(MailServerTls.VERIFIED)));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS,
				Message.of("rule.TLS-IN-TENANT.message.verified", "verified"), null, "rule.TLS-IN-TENANT.remediation"));
	}

	@Test
	void encryptionWithoutCertificateValidationWarns() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").mailServerTls(MailServerTls.ENCRYPTED)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-IN-TENANT.message.encrypted", "encrypted"));
	}

	@Test
	void encryptionWithoutCertificateValidationWarnsWithVpnToo() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").mailServerTls(MailServerTls.ENCRYPTED).vpn(true)));
		assertThat(verdict.message().key()).isEqualTo("rule.TLS-IN-TENANT.message.encrypted");
	}

	@ParameterizedTest
	@EnumSource(names = { "OPPORTUNISTIC", "NONE" })
	void unenforcedTlsFails(MailServerTls attested) {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").mailServerTls(attested)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.TLS-IN-TENANT.message.not-enforced", attested.jsonValue()));
	}

	@ParameterizedTest
	@EnumSource(names = { "OPPORTUNISTIC", "NONE" })
	void unenforcedTlsWarnsWhenVpnTunnelCompensates(MailServerTls attested) {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").mailServerTls(attested).vpn(true)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.TLS-IN-TENANT.message.not-enforced-vpn", attested.jsonValue()));
	}

	@Test
	void vpnRecordedAsAbsentDoesNotCompensate() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").mailServerTls(MailServerTls.NONE).vpn(false)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void notAttestedIsUnknownEvenWithVpn() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").vpn(true)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-IN-TENANT.message.not-recorded"));
	}

	@Test
	void oneFindingPerTenantWithoutDomain() {
		List<Finding> findings = this.rule.evaluate(gateway()
			.tenants(tenant("alpha").mailServerTls(MailServerTls.VERIFIED).domains(domain("a.example")), tenant("beta"))
			.context());
		assertThat(findings).extracting(Finding::tenant).containsExactly("alpha", "beta");
		assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.PASS, Outcome.UNKNOWN);
		assertThat(findings).allSatisfy((finding) -> {
			assertThat(finding.scope()).isEqualTo(Scope.TENANT);
			assertThat(finding.domain()).isNull();
		});
	}

}
