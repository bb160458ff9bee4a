package ch.mspguard.checklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ch.mspguard.IntegrationTest;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.SnapshotReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static ch.mspguard.checklist.Outcome.FAIL;
import static ch.mspguard.checklist.Outcome.NOT_APPLICABLE;
import static ch.mspguard.checklist.Outcome.PASS;
import static ch.mspguard.checklist.Outcome.UNKNOWN;
import static ch.mspguard.checklist.Outcome.WARN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data shows every outcome of every rule somewhere, and all three lights, so
 * that a visitor of the demo sees everything the checklist can say.
 */
@IntegrationTest
class DemoDataTests {

	/** The outcomes each rule of checklist version 1 can give. */
	static final Map<String, Set<Outcome>> POSSIBLE = Map.of("TLS-OUT", EnumSet.of(PASS, WARN, FAIL, UNKNOWN),
			"TLS-IN-GATEWAY", EnumSet.of(PASS, FAIL, UNKNOWN), "TLS-IN-TENANT", EnumSet.of(PASS, WARN, FAIL, UNKNOWN),
			"RELAY-DOMAIN", EnumSet.of(PASS, WARN, FAIL), "RELAY-EXO", EnumSet.of(NOT_APPLICABLE, PASS, FAIL),
			"RELAY-ISOLATION", EnumSet.of(NOT_APPLICABLE, PASS, WARN, FAIL), "SPOOF-PROTECT",
			EnumSet.of(PASS, WARN, UNKNOWN), "SPOOF-WELCOME", EnumSet.of(NOT_APPLICABLE, UNKNOWN, PASS, FAIL),
			"EXO-PORT25", EnumSet.of(NOT_APPLICABLE, UNKNOWN, PASS, FAIL), "ADMIN-EXPOSURE",
			EnumSet.of(UNKNOWN, PASS, FAIL));

	@Autowired
	SnapshotReader reader;

	@Test
	void everyOutcomeOfEveryRuleAndEveryLightAppear() throws IOException {
		Map<String, Set<Outcome>> seen = new HashMap<>();
		Set<Light> lights = EnumSet.noneOf(Light.class);
		int tenants = 0;
		int domains = 0;
		try (Stream<Path> files = Files.list(Path.of("db/demo"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				GatewaySnapshot snapshot = this.reader.read(Files.readAllBytes(file));
				GatewayResult result = GatewayResult.evaluate(snapshot, ReferenceNetworks.exchangeOnlineDefault());
				result.gatewayFindings()
					.forEach((f) -> seen.computeIfAbsent(f.ruleId(), (k) -> EnumSet.noneOf(Outcome.class))
						.add(f.outcome()));
				for (TenantResult tenant : result.tenants().values()) {
					lights.add(tenant.light());
					tenant.findings()
						.forEach((f) -> seen.computeIfAbsent(f.ruleId(), (k) -> EnumSet.noneOf(Outcome.class))
							.add(f.outcome()));
				}
				tenants += snapshot.tenants().size();
				domains += (int) snapshot.domains().count();
			}
		}
		assertThat(POSSIBLE.keySet())
			.containsExactlyInAnyOrderElementsOf(Catalogue.rules().stream().map(Rule::id).toList());
		POSSIBLE.forEach((rule, outcomes) -> assertThat(seen.get(rule)).as(rule).containsAll(outcomes));
		assertThat(lights).containsExactlyInAnyOrder(Light.values());
		assertThat(tenants).isGreaterThanOrEqualTo(8);
		assertThat(domains).isGreaterThanOrEqualTo(25);
	}

}
