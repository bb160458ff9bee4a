package ch.mspguard.dashboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.Light;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overview's summary band is read from counts stored with each evaluation; it must
 * always say what counting the tenants' current evaluations says, also after a re-import
 * that removes tenants and changes lights.
 */
@IntegrationTest
class OverviewSummaryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase database;

	@Autowired
	CurrentEvaluations overview;

	@Test
	void summaryBandEqualsTheTenantsCurrentLights() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		importTenants(document, 30, 0);
		CurrentEvaluations.Summary first = summary();
		assertThat(first).isEqualTo(counted());
		assertThat(first.count(Light.RED)).isPositive();
		assertThat(first.count(Light.GREEN)).isPositive();

		// fewer tenants, and every one of them now sends without TLS: only red ones
		// remain
		importTenants(document, 12, 12);
		CurrentEvaluations.Summary second = summary();
		assertThat(second).isEqualTo(counted());
		assertThat(second.total()).isEqualTo(first.total() - 18);
		assertThat(second.count(Light.GREEN)).isLessThan(first.count(Light.GREEN));
	}

	private CurrentEvaluations.Summary summary() {
		return SystemActor.call("test", this.overview::summary);
	}

	/** The band as counted from every tenant's current evaluation, row by row. */
	private CurrentEvaluations.Summary counted() {
		Map<Light, Long> lights = new EnumMap<>(Light.class);
		for (Light light : Light.values()) {
			lights.put(light, this.database.count("""
					SELECT count(*) FROM tenant t JOIN gateway g ON g.id = t.gateway_id
					LEFT JOIN current_evaluation c ON c.gateway_id = g.id
					LEFT JOIN tenant_evaluation te
					       ON te.evaluation_id = c.evaluation_id AND te.tenant_id = t.id
					WHERE coalesce(te.light, 'YELLOW') = ?""", light.name()));
		}
		List<CurrentEvaluations.RuleCount> top = this.database.query((jdbc) -> jdbc.sql("""
				SELECT r, count(*) FROM current_evaluation c
				JOIN tenant_evaluation te ON te.evaluation_id = c.evaluation_id
				CROSS JOIN LATERAL unnest(te.failing_rules) AS r
				GROUP BY r ORDER BY count(*) DESC, r LIMIT 5""")
			.query((rs, row) -> new CurrentEvaluations.RuleCount(rs.getString(1), rs.getLong(2)))
			.list());
		return new CurrentEvaluations.Summary(lights, top);
	}

	/** Replaces the gateway's tenants; the first {@code withoutTls} send without TLS. */
	private void importTenants(ObjectNode document, int tenants, int withoutTls) throws Exception {
		ArrayNode list = document.putArray("tenants");
		String gateway = TestSnapshots.gatewayName(document);
		for (int t = 0; t < tenants; t++) {
			ObjectNode tenant = list.addObject();
			tenant.put("name", "s" + t);
			tenant.put("mailServerTls", (t % 2 == 0) ? "verified" : "none");
			ObjectNode domain = tenant.putArray("domains").addObject();
			domain.put("name", "s" + t + "." + gateway + ".example");
			domain.put("tlsLevel", (t < withoutTls || t % 3 == 0) ? "none" : "secure");
			domain.putArray("allowedSendingServers").add("203.0.113." + (t + 1));
		}
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk());
	}

}
