package ch.mspguard.deployment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.mspguard.HttpBrowser;
import ch.mspguard.TestSnapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Compose deployment for real: PostgreSQL, two dashboard instances and HAProxy from
 * {@code docker-compose.yml}, built and started by {@code docker-compose}, and used
 * through the proxy's one published port as a browser would. Runs only with
 * {@code HARDENING_DEPLOYMENT_TEST=true} (as in {@code .ci/run}, which also builds local
 * stand-ins for the official images), since it needs a Docker engine and several minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeDeploymentIT {

	private static final String PROJECT = "hardening-deployment-test";

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "Deployment-" + UUID.randomUUID();

	private static final Map<String, String> environment = new HashMap<>();

	private static String base;

	private static final HttpBrowser browser = new HttpBrowser();

	private static String gateway;

	@BeforeAll
	static void startTheDeployment() throws Exception {
		assumeTrue("true".equals(System.getenv("HARDENING_DEPLOYMENT_TEST")),
				"The deployment test runs with HARDENING_DEPLOYMENT_TEST=true only (needs Docker and docker-compose; "
						+ ".ci/run sets it)");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		base = "http://127.0.0.1:" + port;
		environment.put("HARDENING_PORT", String.valueOf(port));
		environment.put("POSTGRES_PASSWORD", secret());
		environment.put("HARDENING_OWNER_PASSWORD", secret());
		environment.put("HARDENING_APP_PASSWORD", secret());
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		environment.put("HARDENING_SECRET_KEY", Base64.getEncoder().encodeToString(key));
		environment.put("HARDENING_ADMIN_USER", ADMIN);
		environment.put("HARDENING_ADMIN_PASSWORD", ADMIN_PASSWORD);
		environment.put("HARDENING_JOBS_SEPPMAIL_PULLS_CRON", "*/2 * * * * *");
		compose(Duration.ofMinutes(5), "down", "-v", "--remove-orphans");
		compose(Duration.ofMinutes(15), "up", "-d", "--build");
		waitUntilBothInstancesAnswer(Duration.ofMinutes(10));
	}

	@AfterAll
	static void stopTheDeployment() throws Exception {
		if (base == null) {
			return;
		}
		Files.writeString(Path.of("target", "deployment-test.log"),
				compose(Duration.ofMinutes(1), "logs", "--no-color"));
		compose(Duration.ofMinutes(5), "down", "-v", "--remove-orphans");
	}

	@Test
	@Order(1)
	void aUserLogsInThroughTheProxyAndRequestsAlternateBetweenTheInstances() {
		HttpResponse<String> login = browser.login(base, ADMIN, ADMIN_PASSWORD);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/"));
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> page = browser.get(base + "/tenants");
			assertThat(page.statusCode()).isEqualTo(200);
			instances.add(instance(page));
		}
		assertThat(instances).containsExactlyInAnyOrder("dashboard-1", "dashboard-2", "dashboard-1", "dashboard-2");
		assertThat(instances.get(0)).isNotEqualTo(instances.get(1));
	}

	@Test
	@Order(2)
	void aPreviewMadeOnOneInstanceIsAppliedOnTheOtherAndTheImportIsVisibleOnBoth() {
		browser.get(base + "/import");
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		gateway = TestSnapshots.gatewayName(document);
		HttpResponse<String> uploaded = browser.upload(base + "/import/snapshot", "file", "gateway.json",
				TestSnapshots.bytes(document));
		String madeOn = instance(uploaded);
		String preview = path(uploaded.headers().firstValue("Location").orElseThrow());
		assertThat(preview).startsWith("/import/preview/");

		HttpResponse<String> shown = browser.get(base + preview);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(instance(shown)).isNotEqualTo(madeOn);
		nextRequestGoesTo(otherThan(madeOn));
		HttpResponse<String> applied = browser.post(base + preview + "/apply", Map.of());
		assertThat(instance(applied)).isNotEqualTo(madeOn);
		assertThat(applied.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/import/history"));

		Set<String> seenBy = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> gateways = browser.get(base + "/gateways");
			assertThat(gateways.body()).contains(gateway);
			seenBy.add(instance(gateways));
		}
		assertThat(seenBy).containsExactlyInAnyOrder("dashboard-1", "dashboard-2");
	}

	@Test
	@Order(3)
	void aScheduledPullDueOnBothInstancesRunsOnce() throws Exception {
		String gatewayId = gatewayId(gateway);
		browser.get(base + "/import/seppmail");
		HttpResponse<String> saved = browser.post(base + "/import/seppmail/" + gatewayId,
				Map.of("baseUrl", "https://tarpit:8443/v1", "token", "token-of-the-test", "secret",
						"secret-of-the-test", "caCertificate", "", "schedule", "hourly", "autoApply", "false"));
		assertThat(saved.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/import/seppmail"));
		// Both instances look every 2 s; the appliance never answers, so a pull takes the
		// 8 s read timeout: an instance that pulled without the cluster lock would
		// overlap.
		Pattern pull = Pattern.compile("(dashboard-[12]).*Scheduled SEPPmail pull of gateway " + gatewayId);
		Instant until = Instant.now().plusSeconds(40);
		List<String> pulls = List.of();
		while (Instant.now().isBefore(until)) {
			TimeUnit.SECONDS.sleep(5);
			pulls = pull.matcher(compose(Duration.ofMinutes(1), "logs", "--no-color", "dashboard-1", "dashboard-2"))
				.results()
				.map(MatchResult::group)
				.toList();
			if (!pulls.isEmpty() && Instant.now().isAfter(until.minusSeconds(15))) {
				break;
			}
		}
		assertThat(pulls).as("scheduled pulls logged by the instances").hasSize(1);
	}

	@Test
	@Order(4)
	void stoppingOneInstanceKeepsTheUserLoggedInAndWorkingOnTheOther() throws Exception {
		compose(Duration.ofMinutes(2), "stop", "dashboard-1");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> page = browser.get(base + "/gateways");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(gateway);
			assertThat(instance(page)).isEqualTo("dashboard-2");
		}
		compose(Duration.ofMinutes(2), "start", "dashboard-1");
		waitUntilBothInstancesAnswer(Duration.ofMinutes(6));
		assertThat(browser.get(base + "/tenants").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(5)
	void theAuditLogNamesTheClientBehindTheProxyAndNoAddressAClientMadeUp() throws Exception {
		String throughProxy = "forwarded-" + secret().substring(0, 10);
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/gateways?probe=" + throughProxy))
				.header("Authorization", basic(throughProxy, "wrong-password"))
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		Matcher logged = Pattern
			.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+ \\[[^\\]]*\\] dashboard instances/\\S+ .*probe=" + throughProxy)
			.matcher(compose(Duration.ofMinutes(1), "logs", "--no-color", "proxy"));
		assertThat(logged.find()).as("the proxy's log line of the request").isTrue();
		String client = logged.group(1);

		// Straight at an instance, from a container beside the proxy: X-Forwarded-For
		// counts
		// from the proxy's address only.
		String direct = "direct-" + secret().substring(0, 10);
		assertThat(compose(Duration.ofMinutes(1), "exec", "-T", "dashboard-2", "curl", "-s", "-o", "/dev/null", "-w",
				"%{http_code}", "-u", direct + ":wrong-password", "-H", "X-Forwarded-For: 203.0.113.8",
				"http://dashboard-1:8080/api/gateways")
			.strip()).endsWith("401");

		String proxy = address("proxy");
		assertThat(client).isNotEqualTo(proxy);
		assertThat(auditedAddress(throughProxy)).isEqualTo(client);
		assertThat(auditedAddress(direct)).isEqualTo(address("dashboard-2"));
	}

	/**
	 * The source address of the failed login of the given name, from the audit log's CSV.
	 */
	private static String auditedAddress(String username) {
		HttpResponse<String> csv = browser.get(base + "/audit.csv?action=LOGIN_FAILED&q=" + username);
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> rows = csv.body().lines().filter((line) -> line.contains(username)).toList();
		assertThat(rows).as(csv.body()).hasSize(1);
		Matcher address = Pattern.compile("\"([0-9.]+)\"$").matcher(rows.get(0));
		assertThat(address.find()).as(rows.get(0)).isTrue();
		return address.group(1);
	}

	private static String address(String service) throws Exception {
		String container = compose(Duration.ofMinutes(1), "ps", "-q", service).strip();
		Process inspect = new ProcessBuilder("docker", "inspect", "-f",
				"{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container)
			.redirectErrorStream(true)
			.start();
		String address = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(inspect.waitFor()).as(address).isZero();
		return address;
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static void waitUntilBothInstancesAnswer(Duration limit) throws Exception {
		Instant until = Instant.now().plus(limit);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Set<String> seen = new HashSet<>();
		while (seen.size() < 2) {
			if (Instant.now().isAfter(until)) {
				throw new IllegalStateException("Instances answering through the proxy after " + limit + ": " + seen
						+ "\n" + compose(Duration.ofMinutes(1), "logs", "--no-color", "--tail=40"));
			}
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					health.headers().firstValue("X-Instance-Id").ifPresent(seen::add);
				}
			}
			catch (IOException ex) {
				// The proxy is not up yet.
			}
			TimeUnit.SECONDS.sleep(1);
		}
	}

	/** Round robin: after a request to the given instance, the next goes to the other. */
	private static void nextRequestGoesTo(String wanted) {
		for (int i = 0; i < 3; i++) {
			if (instance(browser.get(base + "/tenants")).equals(otherThan(wanted))) {
				return;
			}
		}
		throw new IllegalStateException("The proxy does not alternate");
	}

	private static String otherThan(String instance) {
		return instance.equals("dashboard-1") ? "dashboard-2" : "dashboard-1";
	}

	private static String gatewayId(String name) throws Exception {
		HttpResponse<String> gateways = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/gateways"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"name\"\\s*:\\s*\"" + name + "\"")
			.matcher(gateways.body());
		assertThat(id.find()).as(gateways.body()).isTrue();
		return id.group(1);
	}

	private static String instance(HttpResponse<String> response) {
		return response.headers().firstValue("X-Instance-Id").orElse("none");
	}

	private static String path(String location) {
		return URI.create(location).getPath();
	}

	private static String secret() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String compose(Duration limit, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("docker-compose", "-p", PROJECT, "-f", "docker-compose.yml", "-f", "deploy/compose.test.yml"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Path output = Files.createTempFile("compose", ".log");
		Process process = builder.redirectOutput(output.toFile()).start();
		if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " took longer than " + limit);
		}
		String text = Files.readString(output);
		Files.delete(output);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
		}
		return text;
	}

}
