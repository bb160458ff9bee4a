package ch.mspguard.gateway;

import java.time.Duration;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
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
 * The worst case of issue 18 through the application and its database: 10,000 tenants
 * whose allowed sending servers all overlap many others' are imported, evaluated and
 * stored, then removed by one import, each in a bounded time (once more than five
 * minutes, and between 6 s and about 350 s for the removal). The bound is generous for a
 * busy machine; bench/run reports the figures.
 */
@IntegrationTest
class OverlappingTenantsImportTests {

	private static final Duration BOUND = Duration.ofMinutes(2);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void tenThousandOverlappingTenantsAreImportedAndRemovedInBoundedTime() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		String gateway = TestSnapshots.gatewayName(document);
		ArrayNode tenants = document.putArray("tenants");
		for (int t = 0; t < 10_000; t++) {
			ObjectNode domain = tenants.addObject().put("name", "t" + t).putArray("domains").addObject();
			domain.put("name", "d" + t + ".overlap.example")
				.put("forwardingHost", "192.0.2.5")
				.put("tlsLevel", "secure")
				.putNull("headerCheck")
				.putNull("exchangeOnlineTenantId");
			domain.putArray("tlsFingerprints");
			domain.putArray("allowedSendingServers")
				.add("100.64.0.0/16")
				.add("100." + (65 + (t >> 8)) + "." + (t & 240) + ".0/20")
				.add("2001:db8:ff00::/40");
		}

		assertThat(timeToImport(document)).as("import of 10,000 overlapping tenants").isLessThan(BOUND);
		assertThat(tenantsOf(gateway)).isEqualTo(10_000);
		assertThat(this.db.count("""
				SELECT count(*) FROM evaluation e JOIN gateway g ON g.id = e.gateway_id
				WHERE g.name = ? AND e.red_tenants = 10000""", gateway)).as("evaluated, every tenant red").isOne();

		document.putArray("tenants");
		assertThat(timeToImport(document)).as("removal of 10,000 tenants").isLessThan(BOUND);
		assertThat(tenantsOf(gateway)).isZero();
	}

	private Duration timeToImport(ObjectNode document) throws Exception {
		long start = System.nanoTime();
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk());
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private long tenantsOf(String gateway) {
		return this.db.count("SELECT count(*) FROM tenant t JOIN gateway g ON g.id = t.gateway_id WHERE g.name = ?",
				gateway);
	}

}
