package ch.mspguard.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import ch.mspguard.checklist.Light;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.tenant.Role;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail notifications against a real SMTP server (GreenMail): who gets what, in which
 * language, how often.
 */
class EmailNotificationTests extends NotificationTestSupport {

	@Test
	void aWorsenedLightSendsOneEmailInTheRecipientsLanguageToAMatchingSubscriptionOnly() throws Exception {
		ImportResult gateway = importTwoTenants();
		ImportResult other = importTwoTenants();
		UUID german = emailChannel("Dienst", "dienst@msp.example", "de");
		UUID elsewhere = emailChannel("Other gateway", "other@msp.example", "en");
		UUID critical = emailChannel("Only critical", "critical@msp.example", "en");
		subscribe(german, Set.of(gateway.gatewayId()), NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		subscribe(elsewhere, Set.of(other.gatewayId()), NotificationSeverity.INFO, EventType.LIGHT_WORSENED);
		subscribe(critical, Set.of(), NotificationSeverity.CRITICAL, EventType.LIGHT_WORSENED);

		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.YELLOW));
		this.worker.runOnce();

		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("dienst@msp.example");
		assertThat(mail.getSubject()).contains("acme").contains("Ampel verschlechtert von Grün auf Gelb");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		String all = GreenMailUtil.getBody(mail);
		assertThat(all).contains("text/plain").contains("text/html");
		assertThat(parts.getCount()).isPositive();
		assertThat(all).contains("tlsLevel");
		assertThat(deliveries("SENT")).isEqualTo(1);
	}

	@Test
	void theSameTransitionIsNotSentTwiceWithinTheCooldownAndAFlapSendsItsFinalStateOnce() throws Exception {
		ImportResult gateway = importTwoTenants();
		ImportResult.TenantRef acme = gateway.tenants().get(0);
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(), NotificationSeverity.INFO,
				EventType.LIGHT_WORSENED, EventType.LIGHT_IMPROVED);

		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.RED));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);

		// Flaps within the cooldown: back to green, red again, then yellow.
		this.clock.advance(Duration.ofMinutes(5));
		lightsChanged(gateway.gatewayId(), change(acme, Light.RED, Light.GREEN));
		this.worker.runOnce();
		this.clock.advance(Duration.ofMinutes(5));
		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.RED));
		this.worker.runOnce();
		this.clock.advance(Duration.ofMinutes(5));
		lightsChanged(gateway.gatewayId(), change(acme, Light.RED, Light.YELLOW));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);

		this.clock.advance(Duration.ofHours(1));
		this.worker.runOnce();
		this.worker.runOnce();
		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(received[1].getSubject()).contains("from Red to Yellow");
	}

	@Test
	void aFlapThatEndsWhereTheLastMessageLeftItSendsNothingMore() {
		ImportResult gateway = importTwoTenants();
		ImportResult.TenantRef acme = gateway.tenants().get(0);
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(), NotificationSeverity.INFO,
				EventType.LIGHT_WORSENED, EventType.LIGHT_IMPROVED);
		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.RED));
		this.worker.runOnce();
		this.clock.advance(Duration.ofMinutes(10));
		lightsChanged(gateway.gatewayId(), change(acme, Light.RED, Light.GREEN));
		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.RED));
		this.worker.runOnce();
		this.clock.advance(Duration.ofHours(2));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
		assertThat(deliveries("SUPPRESSED")).isEqualTo(1);
	}

	@Test
	void aDailyDigestComesOncePerDayGroupedByTenantWithEachChangeOnce() throws Exception {
		ImportResult gateway = importTwoTenants();
		ImportResult.TenantRef acme = gateway.tenants().get(0);
		ImportResult.TenantRef bravo = gateway.tenants().get(1);
		ZoneId zurich = ZoneId.of("Europe/Zurich");
		subscribeDigest(emailChannel("Digest", "digest@msp.example", "en"), LocalTime.of(7, 0), zurich,
				EventType.LIGHT_WORSENED, EventType.LIGHT_IMPROVED);
		setTime(Instant.parse("2026-03-02T06:30:00Z"));
		this.worker.runOnce();

		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.YELLOW),
				change(bravo, Light.GREEN, Light.RED));
		this.clock.advance(Duration.ofHours(3));
		lightsChanged(gateway.gatewayId(), change(acme, Light.YELLOW, Light.RED));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).isEmpty();

		// 07:00 in Zurich is 06:00 UTC the next day (winter time).
		setTime(Instant.parse("2026-03-03T06:00:30Z"));
		this.worker.runOnce();
		this.clock.advance(Duration.ofHours(5));
		this.worker.runOnce();

		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		String body = plainText(received[0]);
		assertThat(received[0].getSubject()).contains("2 changes for 2 tenants");
		assertThat(body).containsOnlyOnce("Tenant acme").containsOnlyOnce("Tenant bravo");
		assertThat(body).contains("from Yellow to Red").doesNotContain("from Green to Yellow");
	}

	@Test
	void nothingIsLostWhenTheWorkerStopsBetweenTheChangeAndTheSend() {
		ImportResult gateway = importTwoTenants();
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(), NotificationSeverity.INFO,
				EventType.LIGHT_WORSENED);
		// The change commits; the worker is stopped and sends nothing.
		lightsChanged(gateway.gatewayId(), change(gateway.tenants().get(0), Light.GREEN, Light.RED));
		assertThat(MAIL.getReceivedMessages()).isEmpty();
		assertThat(this.db
			.count("SELECT count(*) FROM notification_event WHERE routed_at IS NULL AND type = 'LIGHT_WORSENED'"))
			.isEqualTo(1);

		// After the restart: sent once, and never again.
		this.worker.runOnce();
		this.worker.runOnce();
		this.clock.advance(Duration.ofDays(1));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aScheduledPullWhoseChangesWaitForReviewIsAnnouncedWithTheEndpointsStatusText() throws Exception {
		ImportResult gateway = importTwoTenants();
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(), NotificationSeverity.INFO,
				EventType.PULL_FAILED, EventType.PULL_CHANGES_WAITING);
		ch.mspguard.tenant.SystemActor.run("test", () -> this.transactions.execute((tx) -> {
			this.events.publishEvent(new ch.mspguard.seppmail.ScheduledPullFinished(gateway.gatewayId(),
					gateway.gatewayName(), false, "seppmail.status.changes-waiting", java.util.List.of(2, 3)));
			return null;
		}));
		this.worker.runOnce();
		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).contains(gateway.gatewayName())
			.contains("wait for review")
			.contains("2 tenants and 3 domains differ");
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		ImportResult gateway = importTwoTenants();
		subscribe(emailChannel("Ops", "ops@msp.example", "en"), Set.of(), NotificationSeverity.INFO,
				EventType.LIGHT_WORSENED);
		ch.mspguard.tenant.SystemActor.run("test", () -> this.transactions.execute((tx) -> {
			this.events.publishEvent(new ch.mspguard.checklist.LightsChanged(gateway.gatewayId(), UUID.randomUUID(),
					this.clock.instant(), ch.mspguard.checklist.EvaluationTrigger.IMPORT,
					java.util.List.of(change(gateway.tenants().get(0), Light.GREEN, Light.RED))));
			tx.setRollbackOnly();
			return null;
		}));
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).isEmpty();
	}

	@Test
	void aTenantAdminsSubscriptionReceivesOnlyTheirTenantsEvents() throws Exception {
		ImportResult gateway = importTwoTenants();
		ImportResult.TenantRef acme = gateway.tenants().get(0);
		ImportResult.TenantRef bravo = gateway.tenants().get(1);
		as("admin-acme", Role.TENANT_ADMIN, acme.id(),
				() -> this.subscriptions.create(new Subscription(null, "admin-acme", acme.id(), null,
						"admin@acme.example", "en", java.util.EnumSet.allOf(EventType.class), Set.of(), Set.of(),
						NotificationSeverity.INFO, false, null, null, null), this.clock.instant()));

		lightsChanged(gateway.gatewayId(), change(acme, Light.GREEN, Light.RED), change(bravo, Light.GREEN, Light.RED));
		this.worker.runOnce();

		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("admin@acme.example");
		String body = GreenMailUtil.getWholeMessage(received[0]);
		assertThat(body).contains("acme").doesNotContain("bravo").doesNotContain("Bravo");
	}

	/** The text/plain part of a message. */
	static String plainText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
