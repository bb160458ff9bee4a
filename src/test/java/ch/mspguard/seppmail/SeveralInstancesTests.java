package ch.mspguard.seppmail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import ch.mspguard.HardeningApplication;
import ch.mspguard.HttpBrowser;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application (two application contexts with a web server each) on
 * one database, as behind a proxy: a session, an import preview, the login throttle and a
 * scheduled pull are shared, and the pull runs once. In this package for the mock
 * appliance; the deployment test repeats this with containers behind HAProxy.
 */
class SeveralInstancesTests {

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	final HttpBrowser browser = new HttpBrowser();

	@BeforeAll
	static void startTwoInstances() {
		// The second instance is stricter: the failures it reads from the first then
		// throttle
		// it for half a minute, however slowly this machine hashes passwords.
		first = start("first", "--hardening.login.free-attempts-per-account=100");
		second = start("second", "--hardening.login.free-attempts-per-account=3");
		first.getBean(TestUsers.class).ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	private static ConfigurableApplicationContext start(String instance, String throttle) {
		return new SpringApplicationBuilder(HardeningApplication.class).profiles("test")
			.run("--server.port=0", "--hardening.instance-id=" + instance, throttle,
					// The JDBC session store, which the MockMvc tests leave out.
					"--spring.autoconfigure.exclude=",
					// The schedule exists but waits an hour: the test triggers it itself.
					"--hardening.seppmail.scheduler-enabled=true", "--hardening.seppmail.schedule-check=PT1H",
					// A slow appliance (below): pulls that would overlap, not time out.
					"--hardening.seppmail.connect-timeout=30s", "--hardening.seppmail.read-timeout=30s");
	}

	private static String url(ConfigurableApplicationContext instance, String path) {
		return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort() + path;
	}

	@Test
	void aSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
		assertThat(location(this.browser.login(url(first, ""), TestUsers.OPERATOR, TestUsers.PASSWORD))).endsWith("/");
		HttpResponse<String> overview = this.browser.get(url(second, "/tenants"));
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.headers().firstValue("X-Instance-Id")).contains("second");

		this.browser.post(url(second, "/logout"), Map.of());
		assertThat(this.browser.get(url(first, "/tenants")).statusCode()).isEqualTo(302);
	}

	@Test
	void aPreviewMadeOnOneInstanceIsAppliedOnTheOtherAndTheImportIsSeenOnBoth() {
		this.browser.login(url(first, ""), TestUsers.OPERATOR, TestUsers.PASSWORD);
		this.browser.get(url(first, "/import"));
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		String gateway = TestSnapshots.gatewayName(document);
		HttpResponse<String> uploaded = this.browser.upload(url(first, "/import/snapshot"), "file", "gw.json",
				TestSnapshots.bytes(document));
		String preview = location(uploaded);
		assertThat(preview).contains("/import/preview/");
		String path = URI.create(preview).getPath();

		HttpResponse<String> shown = this.browser.get(url(second, path));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains(gateway);
		HttpResponse<String> applied = this.browser.post(url(second, path + "/apply"), Map.of());
		assertThat(location(applied)).endsWith("/import/history");

		assertThat(this.browser.get(url(first, "/gateways")).body()).contains(gateway);
		// Applied once, gone for both.
		assertThat(this.browser.get(url(first, path)).statusCode()).isNotEqualTo(200);
	}

	@Test
	void failedLoginsOnOneInstanceThrottleTheAccountOnTheOther() {
		String name = "probe-" + UUID.randomUUID();
		for (int i = 0; i < 8; i++) {
			assertThat(location(this.browser.login(url(first, ""), name, "wrong-password-" + i)))
				.endsWith("/login?error");
		}
		assertThat(location(this.browser.login(url(second, ""), name, "wrong-password"))).contains("/login?throttled=");
	}

	@Test
	void aScheduledPullDueOnBothInstancesRunsOnce() throws Exception {
		try (MockAppliance appliance = new MockAppliance()) {
			appliance.serve(ApplianceData.standard()).delay(2);
			UUID gatewayId = importedGatewayWithHourlyPullFrom(appliance);

			CyclicBarrier together = new CyclicBarrier(2);
			List<CompletableFuture<Void>> runs = List.of(first, second)
				.stream()
				.map((instance) -> CompletableFuture.runAsync(() -> {
					await(together);
					instance.getBean(ScheduledPulls.class).pullDue();
				}))
				.toList();
			runs.forEach(CompletableFuture::join);
			second.getBean(ScheduledPulls.class).pullDue();

			String outcome = first.getBean(TestDatabase.class)
				.query((jdbc) -> jdbc.sql(
						"SELECT last_pull_outcome || ' ' || last_pull_message FROM seppmail_endpoint WHERE gateway_id = ?")
					.param(gatewayId)
					.query(String.class)
					.single());
			// One pull is two requests (customers, managed domains).
			assertThat(appliance.requestCount()).as(outcome).isEqualTo(2);
			assertThat(first.getBean(TestDatabase.class)
				.count("SELECT count(*) FROM seppmail_endpoint WHERE gateway_id = ? AND last_pull_outcome IS NOT NULL",
						gatewayId))
				.isEqualTo(1);
		}
	}

	private UUID importedGatewayWithHourlyPullFrom(MockAppliance appliance) {
		this.browser.login(url(first, ""), TestUsers.OPERATOR, TestUsers.PASSWORD);
		this.browser.get(url(first, "/import"));
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		String preview = location(
				this.browser.upload(url(first, "/import/snapshot"), "file", "gw.json", TestSnapshots.bytes(document)));
		this.browser.get(url(first, URI.create(preview).getPath()));
		this.browser.post(url(first, URI.create(preview).getPath() + "/apply"), Map.of());
		UUID gatewayId = first.getBean(TestDatabase.class)
			.query((jdbc) -> jdbc.sql("SELECT id FROM gateway WHERE name = ?")
				.param(TestSnapshots.gatewayName(document))
				.query(UUID.class)
				.single());
		this.browser.get(url(first, "/import/seppmail"));
		HttpResponse<String> saved = this.browser.post(url(first, "/import/seppmail/" + gatewayId),
				Map.of("baseUrl", appliance.baseUrl(), "token", MockAppliance.TOKEN, "secret", MockAppliance.SECRET,
						"caCertificate", appliance.caPem(), "schedule", "hourly", "autoApply", "false"));
		assertThat(location(saved)).endsWith("/import/seppmail");
		return gatewayId;
	}

	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No redirect but " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length()))));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
