package bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.mspguard.HardeningApplication;
import ch.mspguard.checklist.HistoryRetention;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.SystemActor;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The history scenario of issue 13: the application in this JVM with a clock the benchmark
 * moves, one gateway of TENANTS tenants imported once a day for DAYS days through the
 * application's own importer (each day a few tenants' first domain switches its TLS level
 * between secure and may, so lights change and versions are stored), and the pages measured
 * before and after: the overview, a tenant page with its history, the comparison of the first
 * and last configuration versions, and the SQL statements each sends. Then the pruning: all
 * that is due, and one more day's worth.
 * <p>
 * {@code HistoryBenchmark DATA_DIR HTTP_PORT DB_PORT DAYS TENANTS DOMAINS SECONDS}
 */
public final class HistoryBenchmark {

	private static final String USER = "bench-operator";

	private static final String PASSWORD = "Quartz-lantern-drift-9517";

	/** The share of tenants whose light the daily import turns. */
	private static final double DAILY_CHANGES = 0.03;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HistoryBenchmark(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public static void main(String[] args) throws Exception {
		String data = args[0];
		int port = Integer.parseInt(args[1]);
		int dbPort = Integer.parseInt(args[2]);
		int days = Integer.parseInt(args[3]);
		int tenants = Integer.parseInt(args[4]);
		int domains = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);
		MovedClock clock = new MovedClock(Instant.now().minus(Duration.ofDays(days)));
		SpringApplication application = new SpringApplication(HardeningApplication.class);
		application.addInitializers((context) -> ((BeanDefinitionRegistry) context.getBeanFactory())
			.registerBeanDefinition("benchClock", beanOf(clock)));
		System.setProperty("HARDENING_ADMIN_USER", USER);
		System.setProperty("HARDENING_ADMIN_PASSWORD", PASSWORD);
		ConfigurableApplicationContext context = application.run("--hardening.data-directory=" + data,
				"--server.port=" + port, "--hardening.embedded-database.port=" + dbPort,
				"--hardening.diagnostics.sql-statements=true", "--hardening.demo.enabled=false",
				"--hardening.admin.user=" + USER, "--hardening.admin.password=" + PASSWORD,
				"--hardening.jobs.scheduler-enabled=false", "--spring.main.banner-mode=off",
				"--logging.file.name=" + data + "/../app.log", "--logging.pattern.console=");
		try {
			new HistoryBenchmark(port).run(context, clock, days, tenants, domains, seconds);
		}
		finally {
			context.close();
		}
	}

	private static org.springframework.beans.factory.support.RootBeanDefinition beanOf(Clock clock) {
		org.springframework.beans.factory.support.RootBeanDefinition definition = new org.springframework.beans.factory.support.RootBeanDefinition(
				Clock.class, () -> clock);
		definition.setPrimary(true);
		return definition;
	}

	private void run(ConfigurableApplicationContext context, MovedClock clock, int days, int tenants, int domains,
			int seconds) throws Exception {
		SnapshotImporter importer = context.getBean(SnapshotImporter.class);
		SnapshotReader reader = context.getBean(SnapshotReader.class);
		List<Generator.Tenant> state = new ArrayList<>(new Generator(42).tenants(tenants, domains));
		Random random = new Random(7);
		ImportResult first = importDay(importer, reader, state);
		UUID gateway = first.gatewayId();
		UUID tenant = first.tenants().get(0).id();
		login();
		String overview = "/tenants";
		String tenantPage = "/tenants/" + tenant;
		System.out.println("(measured tenant page: " + tenantPage + ")");
		System.out.println("| metric | without history | with " + days + " days | ratio / target |");
		System.out.println("|---|---|---|---|");
		Measured overviewBefore = measure(overview, seconds);
		Measured tenantBefore = measure(tenantPage, seconds);

		long loadStart = System.nanoTime();
		for (int day = 1; day < days; day++) {
			clock.set(clock.start().plus(Duration.ofDays(day)));
			for (int i = 0; i < Math.max(1, (int) (tenants * DAILY_CHANGES)); i++) {
				int t = random.nextInt(state.size());
				state.set(t, flipFirstDomain(state.get(t)));
			}
			importDay(importer, reader, state);
		}
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		String diffPage = "/gateways/" + gateway + "/versions?from=1&to=" + days;
		String historyApi = "/api/tenants/" + tenant + "/history?since=" + clock.instant().atZone(ZoneOffset.UTC)
			.toLocalDate()
			.minusDays(Math.min(days, 700));

		Measured overviewAfter = measure(overview, seconds);
		Measured tenantAfter = measure(tenantPage, seconds);
		Measured diff = measure(diffPage, seconds);
		Measured history = measure(historyApi, seconds);
		row("overview p95 (8 connections)", ms(overviewBefore.p95()), ms(overviewAfter.p95()),
				String.format("%.2f× (target ≤ 1.2×)", overviewAfter.p95() / overviewBefore.p95()));
		row("tenant page with history p95", ms(tenantBefore.p95()), ms(tenantAfter.p95()), "target ≤ 150 ms");
		row("version diff page (1 → " + days + ") p95", "", ms(diff.p95()), "target ≤ 150 ms");
		row("history API (all changes) p95", "", ms(history.p95()), "");
		row("SQL statements: overview", overviewBefore.statements(), overviewAfter.statements(), "constant");
		row("SQL statements: tenant page", tenantBefore.statements(), tenantAfter.statements(), "constant");
		row("SQL statements: version diff page", "", diff.statements(), "");
		row("loading " + (days - 1) + " daily imports of " + tenants + " tenants × " + domains + " domains", "",
				String.format("%.0f s", loadSeconds), "");

		holdWhileFileExists();
		HistoryRetention retention = context.getBean(HistoryRetention.class);
		long start = System.nanoTime();
		HistoryRetention.Pruned all = SystemActor.call("bench", retention::prune);
		double allSeconds = (System.nanoTime() - start) / 1e9;
		clock.set(clock.instant().plus(Duration.ofDays(1)));
		start = System.nanoTime();
		HistoryRetention.Pruned oneDay = SystemActor.call("bench", retention::prune);
		double daySeconds = (System.nanoTime() - start) / 1e9;
		row("pruning all that is due (" + all.evaluations() + " evaluations)", "", String.format("%.1f s", allSeconds),
				"");
		row("pruning one day's worth (" + oneDay.evaluations() + " evaluation(s) of " + tenants + " tenants)", "",
				String.format("%.2f s", daySeconds), "target ≤ 10 s");
	}

	/**
	 * With {@code -Dbench.hold=FILE}, waits before the pruning for as long as the file exists,
	 * so that the pages with a year of history can be looked at (the README's screenshots).
	 */
	private static void holdWhileFileExists() throws InterruptedException {
		String hold = System.getProperty("bench.hold");
		if (hold != null) {
			System.out.println("(holding before the pruning while " + hold + " exists)");
			while (java.nio.file.Files.exists(java.nio.file.Path.of(hold))) {
				Thread.sleep(1000);
			}
		}
	}

	private static ImportResult importDay(SnapshotImporter importer, SnapshotReader reader,
			List<Generator.Tenant> tenants) {
		byte[] json = Generator.json("gw-history", tenants).getBytes(StandardCharsets.UTF_8);
		return SystemActor.call("bench", () -> importer.importSnapshot(reader.read(json), "api"));
	}

	private static Generator.Tenant flipFirstDomain(Generator.Tenant tenant) {
		return Generator.changeOneDomain(List.of(tenant)).get(0);
	}

	private void login() throws Exception {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "username=" + USER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 302) {
			throw new IllegalStateException("Login failed: " + answer.statusCode());
		}
	}

	record Measured(double p95, String statements) {
	}

	/** Warms the page up for a third of the time, then loads it with 8 connections. */
	private Measured measure(String path, int seconds) throws Exception {
		load(path, Math.max(2, seconds / 3));
		List<Double> times = load(path, seconds);
		Collections.sort(times);
		HttpResponse<String> one = get(path);
		return new Measured(times.get((int) Math.ceil(times.size() * 0.95) - 1),
				one.headers().firstValue("X-SQL-Statements").orElse("?"));
	}

	private List<Double> load(String path, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<List<Double>>> workers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			workers.add(pool.submit(() -> {
				List<Double> times = new ArrayList<>();
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					HttpResponse<String> response = get(path);
					if (response.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + response.statusCode());
					}
					times.add((System.nanoTime() - start) / 1e6);
				}
				return times;
			}));
		}
		List<Double> all = new ArrayList<>();
		try {
			for (Future<List<Double>> worker : workers) {
				all.addAll(worker.get());
			}
		}
		finally {
			// Also when a page failed: live workers would keep the JVM (and its database) up.
			pool.shutdownNow();
		}
		return all;
	}

	/** Pages with the session of {@link #login()}; the API, which takes no session, with Basic. */
	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String ms(double millis) {
		return String.format("%.0f ms", millis);
	}

	private static void row(String metric, Object before, Object after, String target) {
		System.out.println("| " + metric + " | " + before + " | " + after + " | " + target + " |");
	}

	/** A clock the benchmark sets; the application reads it as its own. */
	static final class MovedClock extends Clock {

		private final Instant start;

		private volatile Instant now;

		MovedClock(Instant start) {
			this.start = start;
			this.now = start;
		}

		Instant start() {
			return this.start;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
