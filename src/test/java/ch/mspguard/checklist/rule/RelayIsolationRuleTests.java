package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.ReferenceNetworks;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.TenantConfig;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class RelayIsolationRuleTests {

	private final RelayIsolationRule rule = new RelayIsolationRule();

	@Test
	void domainWithoutEntriesIsNotApplicable() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").domains(domain("a.example")),
				tenant("beta").domains(domain("b.example").allow("any"))), "a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-ISOLATION.message.no-entries"));
	}

	@Test
	void disjointEntriesPass() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.0.2.0/25", "2001:db8:a::/48")),
						tenant("beta").domains(domain("b.example").allow("192.0.2.128/25", "2001:db8:b::/48"))),
				"a.example");
		assertThat(verdict).isEqualTo(new Verdict(Outcome.PASS, Message.of("rule.RELAY-ISOLATION.message.isolated"),
				null, "rule.RELAY-ISOLATION.remediation"));
	}

	@Test
	void sameAddressValueInDifferentFamiliesDoesNotOverlap() {
		Verdict verdict = verdict(this.rule, gateway().tenants(tenant("alpha").domains(domain("a.example").allow("::")),
				tenant("beta").domains(domain("b.example").allow("0.0.0.0"))), "a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void overlapWithAnotherTenantFailsAndOnlyTheDetailNamesIt() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.0.2.0/24", "203.0.113.7")),
						tenant("beta").domains(domain("b.example").allow("192.0.2.77"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.message())
			.isEqualTo(Message.of("rule.RELAY-ISOLATION.message.overlap-fail", "192.0.2.0/24"));
		assertThat(verdict.detail()).isEqualTo(Message.of("rule.RELAY-ISOLATION.message.overlap-fail.detail",
				"192.0.2.0/24", "beta", "b.example", "192.0.2.77"));
		assertThat(verdict.message().args())
			.noneMatch((arg) -> arg.contains("beta") || arg.contains("b.example") || arg.contains("192.0.2.77"));
	}

	@Test
	void ipv6OverlapFailsForBothSides() {
		List<Finding> findings = this.rule.evaluate(
				gateway()
					.tenants(tenant("alpha").domains(domain("a.example").allow("2001:db8::/48")),
							tenant("beta").domains(domain("b.example").allow("2001:db8:0:1::25")))
					.context());
		assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.FAIL, Outcome.FAIL);
		assertThat(findings.get(1).verdict().detail().args()).containsExactly("2001:db8:0:1::25", "alpha", "a.example",
				"2001:db8::/48");
	}

	@Test
	void keywordOfAnotherTenantOverlapsBothFamilies() {
		assertThat(alphaVerdict("2001:db8::1", "any").outcome()).isEqualTo(Outcome.FAIL);
		assertThat(alphaVerdict("198.51.100.1", "*").outcome()).isEqualTo(Outcome.FAIL);
		assertThat(alphaVerdict("any", "198.51.100.1").detail().args()).containsExactly("any", "beta", "b.example",
				"198.51.100.1");
	}

	@Test
	void overlapOfDomainWithHeaderCheckWarns() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.0.2.10").headerCheck()),
						tenant("beta").domains(domain("b.example").allow("192.0.2.0/24"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-ISOLATION.message.overlap-warn", "192.0.2.10"));
		assertThat(verdict.detail()).isEqualTo(Message.of("rule.RELAY-ISOLATION.message.overlap-warn.detail",
				"192.0.2.10", "beta", "b.example", "192.0.2.0/24"));
	}

	@Test
	void overlapOfExchangeOnlineDomainWarns() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.0.2.10").exchangeOnline()),
						tenant("beta").domains(domain("b.example").allow("192.0.2.10"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
		assertThat(verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.0.2.10").exchangeOnline()),
						tenant("beta").domains(domain("b.example").allow("192.0.2.10"))),
				"b.example")
			.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void overlapWithinTheSameTenantPasses() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(
						tenant("alpha").domains(domain("a.example").allow("192.0.2.0/24"),
								domain("a2.example").allow("192.0.2.10")),
						tenant("beta").domains(domain("b.example").allow("198.51.100.10"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void ownWideEntryDoesNotHideAnotherTenantsOverlap() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(
						tenant("alpha").domains(domain("a.example").allow("10.0.0.0/8"),
								domain("a2.example").allow("0.0.0.0/1")),
						tenant("beta").domains(domain("b.example").allow("10.20.0.0/16"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(verdict.detail().args()).containsExactly("10.0.0.0/8", "beta", "b.example", "10.20.0.0/16");
	}

	@Test
	void placeholdersOutsideRelayingNetworksAreIgnored() {
		Verdict verdict = verdict(this.rule,
				gateway().relaying("192.0.2.0/24", "2001:db8::/48")
					.tenants(tenant("alpha").domains(domain("a.example").allow("10.255.255.254", "fd00::1")),
							tenant("beta").domains(domain("b.example").allow("10.255.255.254", "fd00::1"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void placeholdersAreIgnoredWhenRelayingNetworksAreNotRecorded() {
		Verdict verdict = verdict(this.rule,
				gateway().tenants(tenant("alpha").domains(domain("a.example").allow("192.168.1.1")),
						tenant("beta").domains(domain("b.example").allow("192.168.1.1"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void privateAddressInsideRelayingNetworksIsARealSender() {
		Verdict verdict = verdict(this.rule,
				gateway().relaying("10.0.0.0/24")
					.tenants(tenant("alpha").domains(domain("a.example").allow("10.0.0.5")),
							tenant("beta").domains(domain("b.example").allow("10.0.0.5"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void privateNetworkIsNeverAPlaceholder() {
		Verdict verdict = verdict(this.rule,
				gateway().relaying("192.0.2.0/24")
					.tenants(tenant("alpha").domains(domain("a.example").allow("10.9.9.0/30")),
							tenant("beta").domains(domain("b.example").allow("10.9.9.1"))),
				"a.example");
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict(this.rule,
				gateway().relaying("192.0.2.0/24")
					.tenants(tenant("alpha").domains(domain("a.example").allow("10.9.9.0/30")),
							tenant("beta").domains(domain("b.example").allow("10.9.9.0/29"))),
				"a.example")
			.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void agreesWithPairwiseComparisonOnRandomGateways() {
		Random random = new Random(20240611L);
		for (int round = 0; round < 30; round++) {
			GatewaySnapshot snapshot = randomGateway(random);
			List<Finding> findings = this.rule
				.evaluate(new EvaluationContext(snapshot, ReferenceNetworks.exchangeOnlineDefault()));
			List<Outcome> expected = new ArrayList<>();
			for (TenantConfig tenant : snapshot.tenants()) {
				for (DomainConfig domain : tenant.domains()) {
					expected.add(pairwise(snapshot, tenant, domain));
				}
			}
			assertThat(findings).extracting(Finding::outcome).containsExactlyElementsOf(expected);
		}
	}

	private static Outcome pairwise(GatewaySnapshot snapshot, TenantConfig tenant, DomainConfig domain) {
		if (domain.allowedSendingServers().isEmpty()) {
			return Outcome.NOT_APPLICABLE;
		}
		List<Network> relaying = snapshot.gateway().relayingNetworks();
		for (Network own : domain.allowedSendingServers()) {
			if (Networks.isPlaceholder(own, relaying)) {
				continue;
			}
			for (TenantConfig other : snapshot.tenants()) {
				if (other.name().equals(tenant.name())) {
					continue;
				}
				for (DomainConfig otherDomain : other.domains()) {
					for (Network theirs : otherDomain.allowedSendingServers()) {
						if (!Networks.isPlaceholder(theirs, relaying) && Networks.overlaps(own, theirs)) {
							return (domain.headerCheck() != null || domain.isExchangeOnline()) ? Outcome.WARN
									: Outcome.FAIL;
						}
					}
				}
			}
		}
		return Outcome.PASS;
	}

	private static GatewaySnapshot randomGateway(Random random) {
		SnapshotFixtures.GatewayBuilder gateway = gateway();
		if (random.nextBoolean()) {
			gateway.relaying("10.0.0.0/26", "fd00::/120");
		}
		for (int t = 0; t < 6; t++) {
			SnapshotFixtures.TenantBuilder tenant = tenant("t" + t);
			for (int d = 0; d < 4; d++) {
				SnapshotFixtures.DomainBuilder domain = domain("d" + t + "-" + d + ".example");
				int entries = random.nextInt(4);
				for (int e = 0; e < entries; e++) {
					domain.allow(randomEntry(random));
				}
				if (random.nextInt(4) == 0) {
					domain.headerCheck();
				}
				if (random.nextInt(4) == 0) {
					domain.exchangeOnline();
				}
				tenant.domains(domain);
			}
			gateway.tenants(tenant);
		}
		return gateway.build();
	}

	private static String randomEntry(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> "10.0.0." + random.nextInt(128);
			case 1 -> "192.0.2." + random.nextInt(256) + "/" + (24 + random.nextInt(9));
			case 2 -> "fd00::" + Integer.toHexString(random.nextInt(256));
			case 3 -> "2001:db8::" + Integer.toHexString(random.nextInt(256)) + "/" + (120 + random.nextInt(9));
			default -> (random.nextInt(20) == 0) ? "any" : "198.51.100." + random.nextInt(64);
		};
	}

	/** The verdict on tenant alpha's domain when alpha and beta list one entry each. */
	private Verdict alphaVerdict(String alphaEntry, String betaEntry) {
		return verdict(this.rule, gateway().tenants(tenant("alpha").domains(domain("a.example").allow(alphaEntry)),
				tenant("beta").domains(domain("b.example").allow(betaEntry))), "a.example");
	}

}
