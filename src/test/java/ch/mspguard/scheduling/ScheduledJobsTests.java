package ch.mspguard.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scheduled work: each planned run happens once however many instances try, the daily
 * re-evaluation evaluates every gateway with the SCHEDULE trigger, and operators see the
 * jobs and run one now.
 */
@IntegrationTest
class ScheduledJobsTests {

	@Autowired
	JobRegistry registry;

	@Autowired
	TestDatabase db;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	SnapshotReader reader;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void aPlannedRunHappensOnceAcrossInstancesAndReEvaluatesEveryGateway() {
		UUID gateway = importGateway().gatewayId();
		ScheduledJob job = this.registry.job("reevaluation").orElseThrow();
		Instant planned = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		assertThat(this.registry.run(job, planned, "schedule", true)).isTrue();
		// Another instance firing for the same planned time finds it claimed.
		assertThat(this.registry.run(job, planned, "schedule", true)).isFalse();
		assertThat(
				this.db.count("SELECT count(*) FROM evaluation WHERE gateway_id = ? AND trigger = 'SCHEDULE'", gateway))
			.isEqualTo(1);
		assertThat(outcome("reevaluation")).isEqualTo("SUCCEEDED");

		assertThat(this.registry.run(job, planned.plus(Duration.ofDays(1)), "schedule", true)).isTrue();
		assertThat(
				this.db.count("SELECT count(*) FROM evaluation WHERE gateway_id = ? AND trigger = 'SCHEDULE'", gateway))
			.isEqualTo(2);
	}

	@Test
	void workPerGatewayIsSpreadTheSameWayEveryTimeAndNotWhenRunByHand() {
		JobRun scheduled = new JobRun(false, Duration.ofMinutes(30));
		UUID gateway = UUID.randomUUID();
		long offset = scheduled.offsetMillis(gateway);
		assertThat(offset).isBetween(0L, Duration.ofMinutes(30).toMillis() - 1);
		assertThat(new JobRun(false, Duration.ofMinutes(30)).offsetMillis(gateway)).isEqualTo(offset);
		assertThat(new JobRun(true, Duration.ofMinutes(30)).offsetMillis(gateway)).isZero();
		long distinct = java.util.stream.IntStream.range(0, 100)
			.mapToObj((i) -> scheduled.offsetMillis(UUID.randomUUID()) / 1000)
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(90);
	}

	@Test
	void operatorsSeeTheJobsAndRunOneNow() throws Exception {
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		String page = this.mvc.perform(get("/jobs").session(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-job=\"reevaluation\"", "0 0 2 * * *", "data-job=\"notification-delivery\"");
		this.mvc.perform(post("/jobs/notification-delivery/run").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/jobs"));
		for (int i = 0; i < 100 && !"SUCCEEDED".equals(outcome("notification-delivery")); i++) {
			Thread.sleep(100);
		}
		assertThat(outcome("notification-delivery")).isEqualTo("SUCCEEDED");
		assertThat(this.mvc.perform(get("/jobs").session(operator)).andReturn().getResponse().getContentAsString())
			.contains("manual:" + TestUsers.OPERATOR);
	}

	private String outcome(String job) {
		return this.db.query((jdbc) -> jdbc.sql("SELECT last_outcome FROM scheduled_job WHERE id = ?")
			.param(job)
			.query(String.class)
			.optional()
			.orElse(null));
	}

	private ImportResult importGateway() {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		((ObjectNode) document.get("gateway")).put("name", "gw-jobs-" + UUID.randomUUID().toString().substring(0, 8));
		return SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
	}

}
