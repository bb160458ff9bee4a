package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.ListArgument;
import ch.mspguard.checklist.Outcome;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.gateway;
import static ch.mspguard.checklist.rule.SnapshotFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case of issue 18: 10,000 tenants whose allowed sending servers all overlap
 * many other tenants', each domain with hundreds of entries. Every rule stays near-linear
 * and no message names more than a handful of networks.
 */
class PathologicalOverlapTests {

	@Test
	void tenThousandOverlappingTenantsAreEvaluatedQuicklyWithShortMessages() {
		List<SnapshotFixtures.TenantBuilder> tenants = new ArrayList<>();
		for (int t = 0; t < 10_000; t++) {
			List<String> servers = new ArrayList<>();
			servers.add("100.64.0.0/16");
			servers.add("100." + (65 + (t >> 8)) + "." + (t & 240) + ".0/20");
			servers.add("2001:db8:ff00::/40");
			if (t < 10) {
				for (int i = 0; i < 300; i++) {
					servers.add("100.67." + i % 256 + "." + i / 256);
				}
			}
			tenants.add(tenant("t" + t).domains(domain("d.t" + t + ".example").allow(servers.toArray(String[]::new))));
		}
		var context = gateway().tenants(tenants.toArray(SnapshotFixtures.TenantBuilder[]::new)).context();
		long start = System.nanoTime();
		List<Finding> findings = Catalogue.evaluate(context);
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(millis).as("evaluation of 10,000 overlapping tenants, ms").isLessThan(20_000);
		List<Finding> isolation = findings.stream().filter((f) -> f.ruleId().equals("RELAY-ISOLATION")).toList();
		assertThat(isolation).hasSize(10_000)
			.allSatisfy((f) -> assertThat(f.verdict().outcome()).isEqualTo(Outcome.FAIL));
		Finding longest = isolation.get(0);
		String networks = longest.verdict().message().args().get(0);
		assertThat(networks).startsWith("100.64.0.0/16, ").endsWith(", \u2026 (+298)");
		assertThat(networks.split(", ")).hasSize(ListArgument.LIMIT + 1);
		assertThat(findings).allSatisfy((f) -> {
			assertThat(String.join("", f.verdict().message().args()).length()).isLessThan(400);
			if (f.verdict().detail() != null) {
				assertThat(String.join("", f.verdict().detail().args()).length()).isLessThan(600);
			}
		});
	}

}
