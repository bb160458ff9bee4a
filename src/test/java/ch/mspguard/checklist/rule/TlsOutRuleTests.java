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
import ch.mspguard.gateway.Fingerprint;
import ch.mspguard.gateway.TlsLevel;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.fingerprint;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static ch.mspguard.checklist.rule.SnapshotFixtures.withDomains;
import static org.assertj.core.api.Assertions.assertThat;

class TlsOutRuleTests {

	private final TlsOutRule rule = new TlsOutRule();

	@Test
	void secureLevelPasses() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").tls(TlsLevel.SECURE)));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.TLS-OUT.message.secure", "secure"),
				null, "rule.TLS-OUT.remediation"));
	}

	@Test
	void fingerprintOfSha256Passes() {
		Fingerprint sha256 = fingerprint(32);
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.FINGERPRINT).fingerprints(sha256)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.fingerprint-strong", sha256.text()));
	}

	@Test
	void fingerprintOfSha512Passes() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.FINGERPRINT).fingerprints(fingerprint(64))));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void oneStrongFingerprintAmongWeakOnesPassesAndNamesTheStrongOne() {
		Fingerprint sha1 = fingerprint(20);
		Fingerprint sha256 = fingerprint(32);
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.FINGERPRINT).fingerprints(sha1, sha256)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message().args()).containsExactly(sha256.text());
	}

	@Test
	void md5FingerprintWarns() {
		Fingerprint md5 = fingerprint(16);
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.FINGERPRINT).fingerprints(md5)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.fingerprint-weak", md5.text()));
	}

	@Test
	void sha1FingerprintsWarnAndAreAllNamed() {
		Fingerprint md5 = fingerprint(16);
		Fingerprint sha1 = fingerprint(20);
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.FINGERPRINT).fingerprints(md5, sha1)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message().args()).containsExactly(md5.text() + ", " + sha1.text());
	}

	@Test
	void fingerprintLevelWithoutFingerprintFailsEvenWithVpn() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").vpn(true).domains(domain("a.example").tls(TlsLevel.FINGERPRINT))));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.fingerprint-missing"));
	}

	@Test
	void verifyWarns() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").tls(TlsLevel.VERIFY)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.verify", "verify"));
	}

	@ParameterizedTest
	@EnumSource(names = { "NONE", "MAY", "ENCRYPT" })
	void unauthenticatedLevelFails(TlsLevel level) {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").tls(level)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.unauthenticated", level.jsonValue()));
	}

	@ParameterizedTest
	@EnumSource(names = { "NONE", "MAY", "ENCRYPT" })
	void unauthenticatedLevelWarnsWhenVpnTunnelCompensates(TlsLevel level) {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").vpn(true).domains(domain("a.example").tls(level))));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.TLS-OUT.message.unauthenticated-vpn", level.jsonValue()));
	}

	@Test
	void vpnTunnelRecordedAsAbsentDoesNotCompensate() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").vpn(false).domains(domain("a.example").tls(TlsLevel.MAY))));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void vpnTunnelDoesNotTurnVerifyIntoSomethingElse() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").vpn(true).domains(domain("a.example").tls(TlsLevel.VERIFY))));
		assertThat(verdict.message().key()).isEqualTo("rule.TLS-OUT.message.verify");
	}

	@Test
	void levelNotRecordedIsUnknown() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.not-recorded"));
	}

	@Test
	void oneFindingPerDomainInDocumentOrder() {
		List<Finding> findings = this.rule.evaluate(
				gateway()
					.tenants(tenant("alpha").domains(domain("a.example").tls(TlsLevel.SECURE), domain("b.example")),
							tenant("beta").domains(domain("c.example").tls(TlsLevel.MAY)))
					.context());
		assertThat(findings).extracting(Finding::tenant, Finding::domain, Finding::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", "a.example", Outcome.PASS),
					org.assertj.core.groups.Tuple.tuple("alpha", "b.example", Outcome.UNKNOWN),
					org.assertj.core.groups.Tuple.tuple("beta", "c.example", Outcome.FAIL));
		assertThat(findings).allSatisfy((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("TLS-OUT");
			assertThat(finding.scope()).isEqualTo(Scope.DOMAIN);
		});
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "dane", "dane-only", "quantum-safe" })
	void aLevelUnknownToThisChecklistVersionWarnsWithTheRawLevel(String level) {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").unknownTls(level)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.unknown-level", level));
	}

	@Test
	void verifyNamesTheForwardingHostWhenTheApplianceDoesNoMxLookup() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.VERIFY).forwarding("mail.a.example", true)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.TLS-OUT.message.verify-literal", "verify", "mail.a.example"));
	}

	@Test
	void verifyNamesTheMxLookupOfTheDomainWhenTheApplianceDoesOne() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.VERIFY).forwarding("mail.a.example", false)));
		assertThat(verdict.message()).isEqualTo(Message.of("rule.TLS-OUT.message.verify-mx", "verify", "a.example"));
	}

	@Test
	void secureNamesTheForwardingHostWhenTheApplianceDoesNoMxLookup() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").tls(TlsLevel.SECURE).forwarding("mx1.a.example", true)));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.TLS-OUT.message.secure-literal", "secure", "mx1.a.example"));
	}

}
