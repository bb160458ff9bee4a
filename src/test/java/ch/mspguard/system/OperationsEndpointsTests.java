package ch.mspguard.system;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a proxy, Kubernetes and Prometheus ask: probes without a login, the instance in a
 * header, metrics only for operators and auditors.
 */
@IntegrationTest
@AutoConfigureMetrics
class OperationsEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Test
	void readinessAndLivenessAnswerWithoutALoginAndNameTheInstance() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(header().exists("X-Instance-Id"));
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void prometheusMetricsNeedAnOperatorOrAuditor() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("nobody", "wrong-password-123")))
			.andExpect(status().isUnauthorized());
		UUID tenant = SystemActor
			.call("test",
					() -> this.importer.importSnapshot(
							this.reader.read(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))), "test"))
			.tenants()
			.get(0)
			.id();
		this.mvc.perform(get("/actuator/prometheus").with(this.users.tenantAdmin(tenant)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(this.users.auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hardening_audit_events_total")))
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

}
