package ch.mspguard.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.checklist.EvaluationService;
import ch.mspguard.checklist.EvaluationTrigger;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exception and stale data events against a real SMTP server (GreenMail), caused the way
 * users cause them (the exceptions API, the daily jobs, imports) with a movable clock.
 */
class ExceptionAndStaleNotificationTests extends NotificationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	List<ScheduledJob> jobs;

	@Autowired
	StaleDataWatch staleDataWatch;

	ObjectNode snapshot;

	ImportResult gateway;

	UUID acme;

	UUID bravo;

	@BeforeEach
	void gatewayWithOneFailingDomainPerTenant() {
		this.snapshot = TestSnapshots.load("two-tenants.json");
		((ObjectNode) this.snapshot.get("gateway")).put("name", "gw-" + UUID.randomUUID().toString().substring(0, 8));
		((ObjectNode) this.snapshot.get("tenants").get(0).get("domains").get(1)).put("tlsLevel", "encrypt");
		this.gateway = importSnapshot();
		this.acme = this.gateway.tenants().get(0).id();
		this.bravo = this.gateway.tenants().get(1).id();
	}

	@Test
	void anExceptionsRequestApprovalAndLapseEachReachAMatchingSubscriptionOnceInItsLanguage() throws Exception {
		subscribe(emailChannel("Dienst", "dienst@msp.example", "de"), Set.of(this.gateway.gatewayId()),
				NotificationSeverity.INFO, EventType.EXCEPTION_REQUESTED, EventType.EXCEPTION_APPROVED,
				EventType.EXCEPTION_LAPSED);
		subscribe(emailChannel("Rejections", "rejections@msp.example", "en"), Set.of(this.gateway.gatewayId()),
				NotificationSeverity.INFO, EventType.EXCEPTION_REJECTED);

		String id = request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example", inDays(30));
		this.worker.runOnce();
		assertThat(subjects("dienst@msp.example")).singleElement()
			.asString()
			.contains("acme")
			.contains("Ausnahme beantragt von " + this.users.tenantAdminName(this.acme))
			.contains("TLS-OUT")
			.contains("– acme-shop.example");

		approve(id);
		this.worker.runOnce();
		assertThat(subjects("dienst@msp.example")).hasSize(2).last().asString().contains("Ausnahme genehmigt");

		// After its last day the daily re-evaluation lets it lapse.
		this.clock.advance(Duration.ofDays(32));
		SystemActor.run("test",
				() -> this.evaluations.evaluateAndStore(this.gateway.gatewayId(), EvaluationTrigger.SCHEDULE));
		this.worker.runOnce();
		this.worker.runOnce();
		List<String> subjects = subjects("dienst@msp.example");
		assertThat(subjects).hasSize(3);
		assertThat(subjects.get(2)).contains("[Warnung]").contains("abgelaufen").contains(inDays(30).toString());
		assertThat(subjects("rejections@msp.example")).isEmpty();
	}

	@Test
	void aTenantAdminsSubscriptionReceivesItsOwnTenantsExceptionEventsAndNeverAnotherTenants() throws Exception {
		tenantAdminSubscription(this.acme, "admin@acme.example", "en");
		request(this.users.tenantAdmin(this.bravo), this.bravo, "bravo.example", inDays(30));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).isEmpty();

		String id = request(this.users.operator(), this.acme, "acme-shop.example", inDays(30));
		this.worker.runOnce();
		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("admin@acme.example");
		assertThat(received[0].getSubject()).contains("Exception requested by " + TestUsers.OPERATOR);
		String whole = GreenMailUtil.getWholeMessage(received[0]);
		assertThat(whole).contains("acme").doesNotContain("bravo").doesNotContain("Bravo");
		approve(id);
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
		assertThat(MAIL.getReceivedMessages()[1].getSubject()).contains("Exception approved");
	}

	@Test
	void aDailyDigestGroupsExceptionEventsByTenant() throws Exception {
		java.time.LocalTime inTwoHours = this.clock.instant()
			.plus(Duration.ofHours(2))
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalTime()
			.withNano(0);
		subscribeDigest(emailChannel("Digest", "digest@msp.example", "en"), inTwoHours, java.time.ZoneOffset.UTC,
				EventType.EXCEPTION_REQUESTED, EventType.EXCEPTION_APPROVED);
		this.worker.runOnce();
		approve(request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example", inDays(30)));
		request(this.users.tenantAdmin(this.bravo), this.bravo, "bravo.example", inDays(30));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).isEmpty();

		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		this.worker.runOnce();
		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).contains("3 changes for 2 tenants");
		String body = EmailNotificationTests.plainText(received[0]);
		assertThat(body).containsOnlyOnce("Tenant acme")
			.containsOnlyOnce("Tenant bravo")
			.contains("Exception approved by it-operator-2 for TLS-OUT")
			.contains("– bravo.example");
	}

	@Test
	void anExceptionExpiringWithin14DaysIsAnnouncedOnceNotDaily() throws Exception {
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(this.gateway.gatewayId()),
				NotificationSeverity.INFO, EventType.EXCEPTION_EXPIRING);
		approve(request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example", inDays(20)));

		runJob("exception-reminders");
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).as("20 days ahead is not within 14").isEmpty();

		this.clock.advance(Duration.ofDays(7));
		runJob("exception-reminders");
		this.worker.runOnce();
		assertThat(subjects("ops@msp.example")).singleElement()
			.asString()
			.contains("[Warning]")
			.contains("Exception for TLS-OUT")
			.contains("its last day is " + inDays(20));

		for (int day = 0; day < 3; day++) {
			this.clock.advance(Duration.ofDays(1));
			runJob("exception-reminders");
			this.worker.runOnce();
		}
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aGatewayTurningStaleSendsOneMessageAndAfterAConfirmingImportAndAnotherStalePeriodOneMore() throws Exception {
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(this.gateway.gatewayId()),
				NotificationSeverity.INFO, EventType.GATEWAY_STALE);
		tenantAdminSubscription(this.acme, "admin@acme.example", "de");

		runJob("stale-data");
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).as("fresh data").isEmpty();

		this.clock.advance(Duration.ofDays(8));
		runJob("stale-data");
		this.worker.runOnce();
		this.clock.advance(Duration.ofHours(1));
		runJob("stale-data");
		this.worker.runOnce();
		List<String> toOperators = subjects("ops@msp.example");
		assertThat(toOperators).singleElement()
			.asString()
			.contains("Gateway " + this.gateway.gatewayName())
			.contains("The data of the gateway is stale");
		assertThat(subjects("admin@acme.example")).singleElement()
			.asString()
			.contains("Mandant acme")
			.contains("Die Daten des Gateways sind veraltet");
		assertThat(GreenMailUtil.getWholeMessage(received("admin@acme.example").get(0))).doesNotContain("bravo");

		// A day later it is still the same stale period: nothing more.
		this.clock.advance(Duration.ofDays(1));
		runJob("stale-data");
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(2);

		// A confirming import ends the period; the next one is announced again.
		importSnapshot();
		runJob("stale-data");
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
		this.clock.advance(Duration.ofDays(8));
		runJob("stale-data");
		this.worker.runOnce();
		assertThat(subjects("ops@msp.example")).hasSize(2);
		assertThat(subjects("admin@acme.example")).hasSize(2);
	}

	@Test
	void webhooksReceiveExceptionAndStaleEventsInTheDocumentedFormatAndSlackAndTeamsRenderThem() throws Exception {
		try (MockWebServer receiver = new MockWebServer()) {
			receiver.start(java.net.InetAddress.getLoopbackAddress(), 0);
			for (int i = 0; i < 6; i++) {
				receiver.enqueue(new MockResponse.Builder().code(200).build());
			}
			for (ChannelKind kind : List.of(ChannelKind.WEBHOOK, ChannelKind.SLACK, ChannelKind.TEAMS)) {
				subscribe(
						webhookChannel(kind.name(), kind, receiver.url("/" + kind).toString(),
								"a-signing-secret-of-some-length"),
						Set.of(this.gateway.gatewayId()), NotificationSeverity.INFO, EventType.EXCEPTION_NEEDS_REVIEW,
						EventType.GATEWAY_STALE);
			}
			UUID exceptionId = UUID.randomUUID();
			SystemActor.run("test", () -> this.transactions.execute((tx) -> {
				this.events.publishEvent(new ch.mspguard.exceptions.ExceptionChanged(exceptionId, this.acme, "acme",
						this.gateway.gatewayId(), "TLS-OUT", "acme-shop.example",
						ch.mspguard.exceptions.ExceptionChanged.Change.NEEDS_REVIEW,
						ch.mspguard.exceptions.ExceptionState.NEEDS_REVIEW, "system", inDays(30),
						"acme-shop.example: encrypt → may", this.clock.instant()));
				return null;
			}));
			this.clock.advance(Duration.ofDays(8));
			runJob("stale-data");
			this.worker.runOnce();

			Map<String, List<String>> bodies = new java.util.TreeMap<>();
			for (int i = 0; i < 6; i++) {
				RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
				bodies.computeIfAbsent(request.getUrl().encodedPath(), (path) -> new java.util.ArrayList<>())
					.add(request.getBody().utf8());
			}
			List<String> generic = bodies.get("/WEBHOOK");
			assertThat(generic).hasSize(2);
			for (String body : generic) {
				assertThat(WebhookNotificationTests.schema().validate(Outbox.JSON.readTree(body))).isEmpty();
			}
			Map<String, JsonNode> byType = new java.util.HashMap<>();
			for (String body : generic) {
				JsonNode json = Outbox.JSON.readTree(body);
				byType.put(json.get("type").asString(), json);
			}
			assertThat(byType).containsOnlyKeys("exception.needs-review", "gateway.stale");
			JsonNode review = byType.get("exception.needs-review");
			JsonNode stale = byType.get("gateway.stale");
			assertThat(review.get("severity").asString()).isEqualTo("warning");
			assertThat(review.get("tenant").get("name").asString()).isEqualTo("acme");
			assertThat(review.get("data").get("exception").asString()).isEqualTo(exceptionId.toString());
			assertThat(review.get("data").get("reviewReason").asString()).isEqualTo("acme-shop.example: encrypt → may");
			assertThat(stale.get("tenant").isNull()).as("the gateway's event, not one per tenant").isTrue();
			assertThat(stale.get("data").get("confirmedBy").asString()).isEqualTo("test");
			assertThat(bodies.get("/SLACK")).hasSize(2)
				.anySatisfy((body) -> assertThat(body).contains("needs review and no longer covers"))
				.anySatisfy((body) -> assertThat(body).contains("The data of the gateway is stale"));
			assertThat(bodies.get("/TEAMS")).hasSize(2)
				.allSatisfy((body) -> assertThat(body).contains("AdaptiveCard"))
				.anySatisfy((body) -> assertThat(body).contains("Exception for TLS-OUT"));
		}
	}

	// --- helpers

	private ImportResult importSnapshot() {
		return SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(this.snapshot)), "test"));
	}

	private void runJob(String id) {
		ScheduledJob job = this.jobs.stream()
			.filter((candidate) -> candidate.id().equals(id))
			.findFirst()
			.orElseThrow();
		SystemActor.run("test", () -> job.run(new JobRun(true, Duration.ZERO)));
	}

	private void tenantAdminSubscription(UUID tenant, String email, String language) {
		String name = this.users.tenantAdminName(tenant);
		as(name, Role.TENANT_ADMIN, tenant,
				() -> this.subscriptions.create(
						new Subscription(null, name, tenant, null, email, language, EnumSet.allOf(EventType.class),
								Set.of(), Set.of(), NotificationSeverity.INFO, false, null, null, null),
						this.clock.instant()));
	}

	private String request(RequestPostProcessor who, UUID tenant, String domain, LocalDate expiresOn) throws Exception {
		String body = TestSnapshots.JSON
			.writeValueAsString(Map.of("ruleId", "TLS-OUT", "tenantId", tenant.toString(), "domain", domain, "category",
					"FIX_PLANNED", "reason", "partner migrates", "expiresOn", expiresOn.toString()));
		String answer = this.mvc
			.perform(post("/api/exceptions").with(who).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return TestSnapshots.JSON.readTree(answer).get("id").asString();
	}

	private void approve(String id) throws Exception {
		this.mvc
			.perform(
					post("/api/exceptions/" + id + "/approve").with(this.users.as("it-operator-2", Role.OPERATOR, null))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"comment\":\"ok\"}"))
			.andExpect(status().isOk());
	}

	private LocalDate inDays(int days) {
		return LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days);
	}

	private static List<MimeMessage> received(String address) throws Exception {
		List<MimeMessage> to = new java.util.ArrayList<>();
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				to.add(message);
			}
		}
		return to;
	}

	private static List<String> subjects(String address) throws Exception {
		List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage message : received(address)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

}
