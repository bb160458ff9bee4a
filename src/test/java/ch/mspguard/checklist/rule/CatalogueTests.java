package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;

import static ch.mspguard.checklist.rule.SnapshotFixtures.accept;
import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class CatalogueTests {

	@Test
	void versionIsOne() {
		assertThat(Catalogue.VERSION).isEqualTo(1);
	}

	@Test
	void rulesAreTheChecklistTableInOrder() {
		assertThat(Catalogue.rules()).extracting(Rule::id, Rule::scope, Rule::source, Rule::severity)
			.containsExactly(tuple("TLS-OUT", Scope.DOMAIN, "§1, §4", Severity.HIGH),
					tuple("TLS-IN-GATEWAY", Scope.GATEWAY, "§2", Severity.HIGH),
					tuple("TLS-IN-TENANT", Scope.TENANT, "§3, §4", Severity.HIGH),
					tuple("RELAY-DOMAIN", Scope.DOMAIN, "§5", Severity.CRITICAL),
					tuple("RELAY-EXO", Scope.DOMAIN, "§6", Severity.HIGH),
					tuple("RELAY-ISOLATION", Scope.DOMAIN, "extension of §5", Severity.CRITICAL),
					tuple("SPOOF-PROTECT", Scope.GATEWAY, "§7", Severity.MEDIUM),
					tuple("SPOOF-WELCOME", Scope.GATEWAY, "§7", Severity.HIGH),
					tuple("EXO-PORT25", Scope.GATEWAY, "§8", Severity.HIGH),
					tuple("ADMIN-EXPOSURE", Scope.GATEWAY, "extension", Severity.HIGH));
	}

	@Test
	void rulesAreFoundById() {
		assertThat(Catalogue.rule("RELAY-EXO")).containsInstanceOf(RelayExoRule.class);
		assertThat(Catalogue.rule("relay-exo")).isEmpty();
		assertThat(Catalogue.rule("NO-SUCH-RULE")).isEmpty();
	}

	@Test
	void findingsComeGatewayFirstThenTenantThenDomainInDocumentOrder() {
		List<Finding> findings = Catalogue.evaluate(
				gateway()
					.tenants(tenant("alpha").domains(domain("a1.example"), domain("a2.example")),
							tenant("beta").domains(domain("b1.example")))
					.context());
		assertThat(findings).hasSize(5 + 2 + 4 * 3);
		assertThat(findings.subList(0, 5)).extracting(Finding::ruleId)
			.containsExactly("TLS-IN-GATEWAY", "SPOOF-PROTECT", "SPOOF-WELCOME", "EXO-PORT25", "ADMIN-EXPOSURE");
		assertThat(findings.subList(5, 7)).extracting(Finding::ruleId, Finding::tenant)
			.containsExactly(tuple("TLS-IN-TENANT", "alpha"), tuple("TLS-IN-TENANT", "beta"));
		assertThat(findings.subList(7, 19)).extracting(Finding::ruleId, Finding::domain)
			.containsExactly(tuple("TLS-OUT", "a1.example"), tuple("TLS-OUT", "a2.example"),
					tuple("TLS-OUT", "b1.example"), tuple("RELAY-DOMAIN", "a1.example"),
					tuple("RELAY-DOMAIN", "a2.example"), tuple("RELAY-DOMAIN", "b1.example"),
					tuple("RELAY-EXO", "a1.example"), tuple("RELAY-EXO", "a2.example"),
					tuple("RELAY-EXO", "b1.example"), tuple("RELAY-ISOLATION", "a1.example"),
					tuple("RELAY-ISOLATION", "a2.example"), tuple("RELAY-ISOLATION", "b1.example"));
		assertThat(findings).allSatisfy((finding) -> {
			switch (finding.scope()) {
				case GATEWAY -> assertThat(finding.tenant()).isNull();
				case TENANT -> assertThat(finding.tenant()).isNotNull();
				case DOMAIN -> assertThat(finding.domain()).isNotNull();
			}
		});
	}

	/**
	 * Tenant alpha sees the gateway findings and its own. Their plain messages must not
	 * reveal tenant beta, although the data of every failing rule here involves beta.
	 */
	@Test
	void messagesShownToATenantNeverNameAnotherTenant() {
		List<String> betaSecrets = List.of("beta", "b.example", "198.51.100.77", "198.51.100.64/26", "203.0.113.9");
		EvaluationContext context = gateway().spoofProtection(true)
			.relaying("192.0.2.0/24", "198.51.100.64/26")
			.manualList(accept("192.0.2.0/24"))
			.smtpSources("203.0.113.9")
			.adminSources("any")
			.tenants(tenant("alpha").domains(domain("a.example").exchangeOnline().allow("198.51.100.0/25")),
					tenant("beta").domains(domain("b.example").exchangeOnline().allow("198.51.100.77")))
			.context();
		List<Finding> visibleToAlpha = Catalogue.evaluate(context)
			.stream()
			.filter((finding) -> finding.tenant() == null || finding.tenant().equals("alpha"))
			.toList();
		assertThat(visibleToAlpha).extracting(Finding::ruleId)
			.contains("SPOOF-WELCOME", "EXO-PORT25", "ADMIN-EXPOSURE", "RELAY-ISOLATION");
		List<String> plainArguments = visibleToAlpha.stream()
			.flatMap((finding) -> finding.verdict().message().args().stream())
			.toList();
		assertThat(plainArguments)
			.noneMatch((argument) -> betaSecrets.stream().anyMatch((secret) -> argument.contains(secret)));
		List<String> detailArguments = visibleToAlpha.stream()
			.filter((finding) -> finding.verdict().detail() != null)
			.flatMap((finding) -> finding.verdict().detail().args().stream())
			.toList();
		assertThat(String.join(" ", detailArguments)).contains(betaSecrets);
	}

	/**
	 * A regression guard against quadratic relay isolation: pairwise comparison of this
	 * gateway's entries takes minutes, the index a fraction of a second.
	 */
	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void evaluatesALargeGateway() {
		EvaluationContext context = largeGateway(1_000, 20);
		List<Finding> findings = Catalogue.evaluate(context);
		assertThat(findings).hasSize(5 + 1_000 + 4 * 20_000);
		assertThat(findings).filteredOn((finding) -> finding.ruleId().equals("RELAY-ISOLATION"))
			.extracting(Finding::outcome)
			.contains(ch.mspguard.checklist.Outcome.PASS, ch.mspguard.checklist.Outcome.FAIL);
	}

	static EvaluationContext largeGateway(int tenants, int domainsPerTenant) {
		Random random = new Random(7L);
		SnapshotFixtures.GatewayBuilder gateway = gateway().spoofProtection(true)
			.relaying("10.0.0.0/8", "2001:db8::/32")
			.manualList(accept("10.0.0.0/9"), accept("10.128.0.0/9"), accept("2001:db8::/32"))
			.requireTls(true)
			.adminSources("203.0.113.0/24");
		List<SnapshotFixtures.TenantBuilder> all = new ArrayList<>();
		for (int t = 0; t < tenants; t++) {
			SnapshotFixtures.TenantBuilder tenant = tenant("tenant-" + t);
			for (int d = 0; d < domainsPerTenant; d++) {
				SnapshotFixtures.DomainBuilder domain = domain("d" + d + ".t" + t + ".example");
				int entries = 1 + random.nextInt(3);
				for (int e = 0; e < entries; e++) {
					domain.allow(switch (random.nextInt(3)) {
						case 0 -> "10." + (t / 250) + "." + (t % 250) + "." + random.nextInt(256);
						case 1 ->
							"2001:db8:" + Integer.toHexString(t) + "::" + Integer.toHexString(random.nextInt(4096));
						default -> "10." + random.nextInt(256) + "." + random.nextInt(256) + ".0/28";
					});
				}
				tenant.domains(domain);
			}
			all.add(tenant);
		}
		return gateway.tenants(all.toArray(SnapshotFixtures.TenantBuilder[]::new)).context();
	}

}
