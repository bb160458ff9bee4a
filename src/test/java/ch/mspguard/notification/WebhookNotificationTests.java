package ch.mspguard.notification;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.mspguard.TestUsers;
import ch.mspguard.checklist.Light;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.system.OutboundGuard;
import ch.mspguard.system.OutboundProperties;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a real HTTP server (MockWebServer): the generic format against its
 * documented schema and signature, the Teams and Slack shapes, retries with one
 * idempotency key, and the outbound guard.
 */
class WebhookNotificationTests extends NotificationTestSupport {

	static final String SECRET = "a-signing-secret-of-some-length";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	NotificationProperties properties;

	MockWebServer receiver;

	MockHttpSession operatorSession;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new MockWebServer();
		this.receiver.start(java.net.InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void theGenericBodyValidatesAgainstTheDocumentedSchemaAndItsSignatureVerifies() throws Exception {
		this.receiver.enqueue(new MockResponse.Builder().code(204).build());
		ImportResult gateway = importTwoTenants();
		UUID channel = webhookChannel("Generic", ChannelKind.WEBHOOK, this.receiver.url("/hook").toString(), SECRET);
		subscribe(channel, Set.of(), NotificationSeverity.INFO, EventType.LIGHT_WORSENED);

		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED));
		this.worker.runOnce();

		RecordedRequest request = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		String body = request.getBody().utf8();
		assertThat(schema().validate(Outbox.JSON.readTree(body))).isEmpty();
		assertThat(request.getHeaders().get(WebhookDelivery.SIGNATURE_HEADER))
			.isEqualTo("sha256=" + WebhookDelivery.sign(SECRET, body));
		JsonNode json = Outbox.JSON.readTree(body);
		assertThat(json.get("type").asString()).isEqualTo("light.worsened");
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.get("severity").asString()).isEqualTo("critical");
		assertThat(json.get("tenant").get("name").asString()).isEqualTo("acme");
		assertThat(json.get("data").get("after").asString()).isEqualTo("RED");
		UUID eventId = this.db.query((jdbc) -> jdbc.sql("SELECT id FROM notification_event WHERE tenant_id = ?")
			.param(gateway.tenants().get(0).id())
			.query(UUID.class)
			.single());
		assertThat(json.get("id").asString()).isEqualTo(eventId.toString());
		assertThat(request.getHeaders().get(WebhookDelivery.IDEMPOTENCY_HEADER)).isNotBlank();
	}

	@Test
	void aDigestBodyValidatesToo() throws Exception {
		this.receiver.enqueue(new MockResponse.Builder().code(200).build());
		ImportResult gateway = importTwoTenants();
		UUID channel = webhookChannel("Digest hook", ChannelKind.WEBHOOK, this.receiver.url("/hook").toString(),
				SECRET);
		Instant now = this.clock.instant();
		LocalTime inTwoHours = now.plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC).toLocalTime().withNano(0);
		subscribeDigest(channel, inTwoHours, ZoneOffset.UTC, EventType.LIGHT_WORSENED, EventType.LIGHT_IMPROVED);
		this.worker.runOnce();
		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED),
				change(gateway.tenants().get(1), Light.RED, Light.GREEN));
		this.worker.runOnce();
		assertThat(this.receiver.getRequestCount()).isZero();
		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		this.worker.runOnce();

		String body = this.receiver.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
		assertThat(schema().validate(Outbox.JSON.readTree(body))).isEmpty();
		JsonNode json = Outbox.JSON.readTree(body);
		assertThat(json.get("type").asString()).isEqualTo("digest");
		assertThat(json.get("events")).hasSize(2);
	}

	@Test
	void teamsAndSlackReceiveTheShapesTheirServicesAccept() throws Exception {
		this.receiver.enqueue(new MockResponse.Builder().code(202).build());
		this.receiver.enqueue(new MockResponse.Builder().code(200).build());
		ImportResult gateway = importTwoTenants();
		subscribe(webhookChannel("Teams", ChannelKind.TEAMS, this.receiver.url("/teams").toString(), null), Set.of(),
				NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		subscribe(webhookChannel("Slack", ChannelKind.SLACK, this.receiver.url("/slack").toString(), null), Set.of(),
				NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED));
		this.worker.runOnce();

		List<RecordedRequest> requests = new ArrayList<>();
		requests.add(this.receiver.takeRequest(5, TimeUnit.SECONDS));
		requests.add(this.receiver.takeRequest(5, TimeUnit.SECONDS));
		RecordedRequest teams = requests.stream()
			.filter((r) -> r.getUrl().encodedPath().equals("/teams"))
			.findFirst()
			.orElseThrow();
		RecordedRequest slack = requests.stream()
			.filter((r) -> r.getUrl().encodedPath().equals("/slack"))
			.findFirst()
			.orElseThrow();

		JsonNode card = Outbox.JSON.readTree(teams.getBody().utf8());
		assertThat(card.get("type").asString()).isEqualTo("message");
		JsonNode attachment = card.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(attachment.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(attachment.get("content").get("version").asString()).isEqualTo("1.4");
		JsonNode blocks = attachment.get("content").get("body");
		assertThat(blocks.get(0).get("type").asString()).isEqualTo("TextBlock");
		assertThat(blocks.get(0).get("text").asString()).contains("acme").contains("Light worsened");

		JsonNode message = Outbox.JSON.readTree(slack.getBody().utf8());
		assertThat(message.get("text").asString()).contains("Light worsened");
		assertThat(message.get("blocks").get(0).get("type").asString()).isEqualTo("header");
		assertThat(message.get("blocks").get(0).get("text").get("type").asString()).isEqualTo("plain_text");
		assertThat(message.get("blocks").get(0).get("text").get("text").asString().length()).isLessThanOrEqualTo(150);
		assertThat(message.get("blocks").get(1).get("type").asString()).isEqualTo("section");
		assertThat(message.get("blocks").get(1).get("text").get("type").asString()).isEqualTo("mrkdwn");
		assertThat(WebhookPayloads.escape("<!channel> & co")).isEqualTo("&lt;!channel&gt; &amp; co");
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheEventThreeTimesWithOneIdempotencyKeyAndTheLogShowsIt() throws Exception {
		this.receiver.enqueue(new MockResponse.Builder().code(500).body("internal detail 4711").build());
		this.receiver.enqueue(new MockResponse.Builder().code(500).body("internal detail 4711").build());
		this.receiver.enqueue(new MockResponse.Builder().code(200).build());
		ImportResult gateway = importTwoTenants();
		UUID channel = webhookChannel("Flaky", ChannelKind.WEBHOOK, this.receiver.url("/hook").toString(), SECRET);
		subscribe(channel, Set.of(), NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED));

		this.worker.runOnce();
		String bannerAfterFailure = this.mvc.perform(get("/notifications/banner").session(operator()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bannerAfterFailure).contains("Flaky");
		this.worker.runOnce();
		assertThat(this.receiver.getRequestCount()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.worker.runOnce();
		this.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
		this.worker.runOnce();

		assertThat(this.receiver.getRequestCount()).isEqualTo(3);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			keys.add(this.receiver.takeRequest(1, TimeUnit.SECONDS)
				.getHeaders()
				.get(WebhookDelivery.IDEMPOTENCY_HEADER));
		}
		assertThat(keys).doesNotContainNull().containsOnly(keys.get(0));
		String log = this.mvc.perform(get("/notifications/deliveries").session(operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).contains(keys.get(0)).contains("data-status=\"SENT\"").contains("HTTP 200");
		assertThat(log).doesNotContain("internal detail 4711");
		assertThat(this.db.count("SELECT tries FROM notification_delivery WHERE id = ?::uuid", keys.get(0)))
			.isEqualTo(3);
		String bannerAfterSuccess = this.mvc.perform(get("/notifications/banner").session(operator()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bannerAfterSuccess).doesNotContain("Flaky");
	}

	@Test
	void aMessageIsGivenUpAfterTheLastTry() {
		for (int i = 0; i < 4; i++) {
			this.receiver.enqueue(new MockResponse.Builder().code(503).build());
		}
		ImportResult gateway = importTwoTenants();
		subscribe(webhookChannel("Down", ChannelKind.WEBHOOK, this.receiver.url("/hook").toString(), SECRET), Set.of(),
				NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED));
		for (int i = 0; i < 6; i++) {
			this.worker.runOnce();
			this.clock.advance(Duration.ofMinutes(10));
		}
		assertThat(this.receiver.getRequestCount()).isEqualTo(this.properties.maxTries());
		assertThat(deliveries("FAILED")).isEqualTo(1);
	}

	@Test
	void aReceiverOnLoopbackIsRefusedUnlessAllowlisted() {
		ChannelStore.Target target = new ChannelStore.Target(this.receiver.url("/hook").toString(), SECRET);
		WebhookDelivery strict = new WebhookDelivery(new OutboundGuard(new OutboundProperties(List.of())),
				this.properties);
		assertThatThrownBy(() -> strict.post(target, UUID.randomUUID(), "test", "{}"))
			.isInstanceOf(SendFailedException.class)
			.hasMessageContaining("not allowed");
		assertThat(this.receiver.getRequestCount()).isZero();

		this.receiver.enqueue(new MockResponse.Builder().code(200).build());
		WebhookDelivery allowing = new WebhookDelivery(
				new OutboundGuard(new OutboundProperties(List.of("127.0.0.0/8"))), this.properties);
		assertThat(allowing.post(target, UUID.randomUUID(), "test", "{}")).isEqualTo("HTTP 200");
	}

	MockHttpSession operator() throws Exception {
		if (this.operatorSession == null) {
			this.operatorSession = this.users.operatorSession(this.mvc);
		}
		return this.operatorSession;
	}

	static Schema schema() throws Exception {
		try (InputStream in = new ClassPathResource("schema/notification-webhook-1.schema.json").getInputStream()) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(in, InputFormat.JSON);
		}
	}

}
