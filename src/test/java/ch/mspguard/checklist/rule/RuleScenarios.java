package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.TlsLevel;

import static ch.mspguard.checklist.rule.SnapshotFixtures.accept;
import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.fingerprint;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;

/**
 * A handful of gateways that together drive every rule through every branch, so that a
 * test can collect every message a rule really produces.
 */
public final class RuleScenarios {

	private RuleScenarios() {
	}

	public static List<EvaluationContext> all() {
		return List.of(mixedGateway(), pureExchangeOnlineGateway(), pureExchangeOnlineAzureGateway(),
				unrecordedGateway(), gatewayWithoutWelcomelist(), gatewayWithoutSpoofProtection(), emptyGateway());
	}

	/** Mixed gateway: Exchange Online relaying missing, many domain-level variants. */
	private static EvaluationContext mixedGateway() {
		return gateway().hosting(Hosting.ON_PREMISES)
			.requireTls(true)
			.spoofProtection(true)
			.relaying("192.0.2.0/24")
			.manualList(accept("192.0.2.0/24"))
			.smtpSources("any")
			.adminSources("any")
			.tenants(
					tenant("alpha").mailServerTls(MailServerTls.VERIFIED)
						.domains(domain("a1.example").tls(TlsLevel.SECURE).allow("192.0.2.10"),
								domain("a2.example").tls(TlsLevel.FINGERPRINT).fingerprints(fingerprint(32)),
								domain("a3.example").tls(TlsLevel.FINGERPRINT).fingerprints(fingerprint(20)),
								domain("a4.example").tls(TlsLevel.FINGERPRINT),
								domain("a5.example").tls(TlsLevel.VERIFY).headerCheck(),
								domain("a6.example").tls(TlsLevel.MAY).allow("198.51.100.0/23")),
					tenant("beta").mailServerTls(MailServerTls.OPPORTUNISTIC)
						.vpn(true)
						.domains(domain("b1.example").tls(TlsLevel.NONE).allow("any"),
								domain("b2.example").exchangeOnline(),
								domain("b3.example").exchangeOnline().allow("192.0.2.0/28")),
					tenant("gamma").mailServerTls(MailServerTls.ENCRYPTED)
						.domains(domain("c1.example").allow("192.0.2.10").headerCheck(),
								domain("c2.example").tls(TlsLevel.VERIFY)
									.forwarding("mail.c2.example", false)
									.allow("192.0.2.10")
									.headerCheck(),
								domain("c3.example").tls(TlsLevel.VERIFY)
									.forwarding("192.0.2.25", true)
									.allow("192.0.2.10")
									.headerCheck(),
								domain("c4.example").tls(TlsLevel.SECURE)
									.forwarding("mx.c4.example", true)
									.allow("192.0.2.10")
									.headerCheck(),
								domain("c5.example").unknownTls("dane-only").allow("192.0.2.10").headerCheck()),
					tenant("delta").mailServerTls(MailServerTls.NONE))
			.context();
	}

	private static EvaluationContext pureExchangeOnlineGateway() {
		return gateway().requireTls(false)
			.spoofProtection(true)
			.relaying("192.0.2.0/24")
			.manualList(accept("192.0.2.0/25"), accept("192.0.2.128/25"))
			.smtpSources("40.92.0.0/15")
			.adminSources()
			.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline().allow("10.255.255.254")))
			.context();
	}

	private static EvaluationContext pureExchangeOnlineAzureGateway() {
		return gateway().hosting(Hosting.AZURE)
			.spoofProtection(true)
			.relaying("192.0.2.0/24", "2001:db8::/48")
			.manualList(accept("192.0.2.0/24"))
			.smtpSources("any")
			.adminSources("203.0.113.0/24")
			.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline().allow("10.255.255.254")))
			.context();
	}

	private static EvaluationContext unrecordedGateway() {
		return gateway().spoofProtection(true)
			.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline()))
			.context();
	}

	private static EvaluationContext gatewayWithoutWelcomelist() {
		return gateway().spoofProtection(true).relaying("192.0.2.0/24").context();
	}

	private static EvaluationContext gatewayWithoutSpoofProtection() {
		return gateway().spoofProtection(false).context();
	}

	private static EvaluationContext emptyGateway() {
		return gateway().context();
	}

}
