package ch.mspguard.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's acceptance: six large dry runs at once against the application running in
 * its own JVM with a 512 MiB heap. None may end in an {@code OutOfMemoryError}; each
 * caller gets either the complete answer or 503 with {@code Retry-After}; the health
 * check answers within a second throughout.
 */
class ParallelDryRunTests {

	private static final int TENANTS = 3000;

	private static final int DOMAINS = 20;

	private static final String USER = "dry-run-operator";

	private static final String PASSWORD = "Quartz-lantern-drift-9517";

	private static Process app;

	private static Path log;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Path.of("target", "test-data-parallel-dry-run");
		log = Path.of("target", "parallel-dry-run-app.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"ch.mspguard.HardeningApplication", "--server.port=" + port, "--hardening.data-directory=" + data,
				"--hardening.embedded-database.clean=true", "--hardening.embedded-database.durable=false",
				"--hardening.seppmail.scheduler-enabled=false",
				"--hardening.secret-key=dGVzdC1rZXktb25seS1mb3ItdGVzdHMtMzItYnl0ZXMhIQ==");
		builder.environment().put("HARDENING_ADMIN_USER", USER);
		builder.environment().put("HARDENING_ADMIN_PASSWORD", PASSWORD);
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		app = builder.start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (!health().body().contains("\"UP\"")) {
			assertThat(app.isAlive()).as("the application started; see %s", log).isTrue();
			assertThat(System.nanoTime()).as("health UP within 5 minutes").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	@Test
	void sixLargeDryRunsAtOnceNeitherExhaustTheHeapNorStallHealth() throws Exception {
		byte[] document = document();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong slowestHealth = new AtomicLong();
		List<String> healthFailures = new ArrayList<>();
		Thread healthWatch = new Thread(() -> {
			while (running.get()) {
				long start = System.nanoTime();
				try {
					HttpResponse<String> response = health();
					if (response.statusCode() != 200) {
						healthFailures.add("status " + response.statusCode());
					}
				}
				catch (Exception ex) {
					healthFailures.add(ex.toString());
				}
				slowestHealth.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
				sleep(200);
			}
		});
		healthWatch.start();
		ExecutorService callers = Executors.newFixedThreadPool(6);
		CountDownLatch ready = new CountDownLatch(6);
		List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			answers.add(callers.submit(() -> {
				ready.countDown();
				ready.await();
				return client().send(HttpRequest.newBuilder(uri("/api/snapshots/evaluate"))
					.header("Authorization", basic())
					.header("Content-Type", "application/json")
					.timeout(Duration.ofMinutes(10))
					.POST(HttpRequest.BodyPublishers.ofByteArray(document))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			}));
		}
		int complete = 0;
		for (Future<HttpResponse<byte[]>> answer : answers) {
			HttpResponse<byte[]> response = answer.get(15, TimeUnit.MINUTES);
			if (response.statusCode() == 503) {
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("try again");
				continue;
			}
			assertThat(response.statusCode()).as("a complete answer or 503").isEqualTo(200);
			JsonNode body = JsonMapper.builder().build().readTree(response.body());
			assertThat(body.get("tenants").size()).isEqualTo(TENANTS);
			assertThat(body.get("tenants").get(TENANTS - 1).get("findings").size()).isGreaterThan(DOMAINS);
			complete++;
		}
		running.set(false);
		healthWatch.join();
		callers.shutdown();

		assertThat(complete).as("dry runs answered completely").isGreaterThanOrEqualTo(1);
		assertThat(app.isAlive()).isTrue();
		assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
		assertThat(healthFailures).isEmpty();
		assertThat(slowestHealth.get()).as("slowest health check, ms").isLessThan(1000);
	}

	/** A valid document of 60,000 domains, about 8 MB. */
	private static byte[] document() {
		StringBuilder out = new StringBuilder(TENANTS * DOMAINS * 200);
		out.append("""
				{"format":"seppmail-hardening-snapshot/1","gateway":{"name":"gw-parallel","hostname":"mx.example.net",
				"relayingNetworks":["100.64.0.0/10"],"manualListEntries":[],"smtpInboundSources":["any"],
				"adminInboundSources":["198.51.100.0/29"]},"tenants":[""");
		for (int t = 0; t < TENANTS; t++) {
			out.append((t > 0) ? "," : "").append("{\"name\":\"t").append(t).append("\",\"domains\":[");
			for (int d = 0; d < DOMAINS; d++) {
				out.append((d > 0) ? "," : "")
					.append("{\"name\":\"d")
					.append(d)
					.append(".t")
					.append(t)
					.append(".example\",\"tlsLevel\":\"may\",\"allowedSendingServers\":[\"100.")
					.append(64 + (t >> 8))
					.append('.')
					.append(t & 255)
					.append(".0/24\",\"198.18.0.0/16\"]}");
			}
			out.append("]}");
		}
		return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> health() throws IOException, InterruptedException {
		try {
			return client().send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.ConnectException ex) {
			return new NotUp();
		}
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The answer while nothing listens yet. */
	private static final class NotUp implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return 0;
		}

		@Override
		public HttpRequest request() {
			return null;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
		}

		@Override
		public String body() {
			return "";
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
