package ch.mspguard.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.checklist.Cause;
import ch.mspguard.checklist.EvaluationTrigger;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.LightsChanged;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification tests' shared setting: one application context with a real SMTP server
 * (GreenMail) in the test JVM, a clock the tests move, and the delivery worker run by the
 * tests instead of its schedule. Every test starts with no channels, subscriptions or
 * pending events.
 */
@IntegrationTest
abstract class NotificationTestSupport {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("hardening.notifications.worker-enabled", () -> "false");
		registry.add("hardening.notifications.cooldown", () -> "PT1H");
		registry.add("hardening.notifications.max-tries", () -> "4");
		registry.add("hardening.notifications.first-retry", () -> "PT1M");
	}

	@Autowired
	MovableClock clock;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	ChannelStore channels;

	@Autowired
	SubscriptionStore subscriptions;

	@Autowired
	TestDatabase db;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	SnapshotReader reader;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Moves the shared clock to about the instant (real time goes on from there). */
	void setTime(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	@BeforeEach
	void startQuiet() throws Exception {
		this.clock.reset();
		removeChannelsAndDeliveries();
		MAIL.purgeEmailFromAllMailboxes();
	}

	/**
	 * Leaves nothing behind for other test classes: deliveries planned with a moved clock
	 * would head the delivery log that browser tests read.
	 */
	@AfterEach
	void leaveQuiet() {
		removeChannelsAndDeliveries();
	}

	private void removeChannelsAndDeliveries() {
		this.db.query((jdbc) -> {
			jdbc.sql("DELETE FROM notification_delivery").update();
			jdbc.sql("DELETE FROM notification_subscription").update();
			jdbc.sql("DELETE FROM notification_channel").update();
			jdbc.sql("UPDATE notification_event SET routed_at = now() WHERE routed_at IS NULL").update();
			return null;
		});
	}

	/** A gateway of its own with two tenants (acme, bravo). */
	ImportResult importTwoTenants() {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		((ObjectNode) document.get("gateway")).put("name", "gw-" + UUID.randomUUID().toString().substring(0, 8));
		return SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
	}

	/** Publishes what the checklist publishes, in a transaction of its own. */
	void lightsChanged(UUID gatewayId, LightsChanged.TenantChange... changes) {
		SystemActor.run("test", () -> this.transactions.execute((tx) -> {
			this.events.publishEvent(new LightsChanged(gatewayId, UUID.randomUUID(), this.clock.instant(),
					EvaluationTrigger.IMPORT, List.of(changes)));
			return null;
		}));
	}

	static LightsChanged.TenantChange change(ImportResult.TenantRef tenant, Light before, Light after) {
		return new LightsChanged.TenantChange(tenant.id(), tenant.name(), before, after,
				List.of(new Cause(Cause.Kind.CONFIGURATION, tenant.id(), tenant.name() + ".example", "tlsLevel",
						"secure", "may", "it-operator", "edit")),
				List.of());
	}

	UUID emailChannel(String name, String address, String language) {
		return asOperator(() -> this.channels
			.create(new NewChannel(name, ChannelKind.EMAIL, address, null, null, language), this.clock.instant()));
	}

	UUID webhookChannel(String name, ChannelKind kind, String url, String secret) {
		return asOperator(
				() -> this.channels.create(new NewChannel(name, kind, null, url, secret, "en"), this.clock.instant()));
	}

	UUID subscribe(UUID channelId, Set<UUID> gateways, NotificationSeverity minSeverity, EventType... types) {
		return asOperator(() -> this.subscriptions.create(new Subscription(null, "it-operator", null, channelId, null,
				"en", EnumSet.copyOf(List.of(types)), gateways, Set.of(), minSeverity, false, null, null, null),
				this.clock.instant()));
	}

	UUID subscribeDigest(UUID channelId, LocalTime time, ZoneId zone, EventType... types) {
		return asOperator(() -> this.subscriptions
			.create(new Subscription(null, "it-operator", null, channelId, null, "en", EnumSet.copyOf(List.of(types)),
					Set.of(), Set.of(), NotificationSeverity.INFO, true, time, zone, null), this.clock.instant()));
	}

	long deliveries(String status) {
		return this.db.count("SELECT count(*) FROM notification_delivery WHERE status = ?", status);
	}

	static <T> T asOperator(Supplier<T> work) {
		return as("it-operator", Role.OPERATOR, null, work);
	}

	static <T> T as(String name, Role role, UUID tenantId, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		List<SimpleGrantedAuthority> authorities = (tenantId != null)
				? List.of(new SimpleGrantedAuthority(role.authority()),
						new SimpleGrantedAuthority("TENANT_" + tenantId))
				: List.of(new SimpleGrantedAuthority(role.authority()));
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
