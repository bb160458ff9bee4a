package ch.mspguard.notification;

import java.util.List;
import java.util.UUID;

import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who changed channels and subscriptions is in the audit log (never a webhook's URL or
 * secret), and a tenant admin tries their own subscription with a test message to their
 * own address, against a real SMTP server (GreenMail).
 */
class NotificationAuditAndTestMessageTests extends NotificationTestSupport {

	private static final String URL = "https://hooks.example/services/T000/B000/very-secret-path";

	private static final String SECRET = "signing-secret-that-stays-hidden";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void channelsAndSubscriptionsOfOperatorsAndTenantAdminsAreAuditedWithoutUrlsOrSecrets() throws Exception {
		UUID acme = importTwoTenants().tenants().get(0).id();
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		this.mvc
			.perform(post("/notifications/channels").session(operator)
				.with(csrf())
				.param("name", "Audited hook")
				.param("kind", "WEBHOOK")
				.param("url", URL)
				.param("secret", SECRET)
				.param("language", "en"))
			.andExpect(redirectedUrl("/notifications"));
		UUID channel = this.db.query((jdbc) -> jdbc.sql("SELECT id FROM notification_channel WHERE name = ?")
			.param("Audited hook")
			.query(UUID.class)
			.single());
		this.mvc
			.perform(post("/notifications/subscriptions").session(operator)
				.with(csrf())
				.param("channelId", channel.toString())
				.param("eventTypes", "LIGHT_WORSENED", "GATEWAY_STALE")
				.param("minSeverity", "WARNING")
				.param("mode", "immediate"))
			.andExpect(redirectedUrl("/notifications"));
		UUID subscription = subscriptionOf(channel);
		this.mvc
			.perform(post("/notifications/subscriptions/" + subscription + "/delete").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		this.mvc.perform(post("/notifications/channels/" + channel + "/delete").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));

		MockHttpSession admin = this.users.tenantAdminSession(this.mvc, acme);
		UUID own = subscribeOwn(admin, "admin@acme.example");
		this.mvc.perform(post("/notifications/mine/" + own + "/delete").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/notifications/mine"));

		List<String> entries = audit(channel, subscription, own);
		assertThat(entries).containsExactly("it-operator NOTIFICATION_CHANNEL_CREATED Audited hook",
				"it-operator NOTIFICATION_SUBSCRIPTION_CREATED Audited hook",
				"it-operator NOTIFICATION_SUBSCRIPTION_DELETED Audited hook",
				"it-operator NOTIFICATION_CHANNEL_DELETED Audited hook",
				this.users.tenantAdminName(acme) + " NOTIFICATION_SUBSCRIPTION_CREATED admin@acme.example",
				this.users.tenantAdminName(acme) + " NOTIFICATION_SUBSCRIPTION_DELETED admin@acme.example");
		List<String> details = asAuditReader((jdbc) -> jdbc.sql(
				"SELECT details::text FROM audit_event WHERE action LIKE 'NOTIFICATION_%' AND (details->>'channel' = ? "
						+ "OR details->>'subscription' IN (?, ?))")
			.params(channel.toString(), subscription.toString(), own.toString())
			.query(String.class)
			.list());
		assertThat(String.join("\n", details)).contains("\"kind\": \"WEBHOOK\"", "\"urlStored\": true", "gateway.stale",
				"\"ownTenant\": \"" + acme + "\"");
		assertThat(String.join("\n", details)).doesNotContain("hooks.example", "very-secret-path", SECRET);
	}

	@Test
	void aTenantAdminsTestMessageGoesToTheirOwnAddressAndNobodyElseCanSendOne() throws Exception {
		ImportResult gateway = importTwoTenants();
		UUID acme = gateway.tenants().get(0).id();
		UUID bravo = gateway.tenants().get(1).id();
		MockHttpSession adminA = this.users.tenantAdminSession(this.mvc, acme);
		UUID own = subscribeOwn(adminA, "admin@acme.example");

		String page = this.mvc.perform(get("/notifications/mine").session(adminA))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/notifications/mine/" + own + "/test").contains("Send test message");
		this.mvc.perform(post("/notifications/mine/" + own + "/test").session(adminA).with(csrf()))
			.andExpect(redirectedUrl("/notifications/mine"))
			.andExpect(flash().attribute("testStatus", "SENT"))
			.andExpect(flash().attribute("testAddress", "admin@acme.example"));
		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("admin@acme.example");
		assertThat(received[0].getSubject()).isEqualTo("Test message from the SEPPmail hardening dashboard");

		// Like a channel's test: in the operators' delivery log, and in the audit log.
		String log = this.mvc.perform(get("/notifications/deliveries").session(this.users.operatorSession(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).contains("admin@acme.example");
		assertThat(this.db.count("SELECT count(*) FROM notification_delivery WHERE subscription_id = ? AND test "
				+ "AND status = 'SENT'", own))
			.isEqualTo(1);
		assertThat(this.<Long>asAuditReader((jdbc) -> jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'NOTIFICATION_TEST_SENT' AND actor = ? "
					+ "AND details->>'subscription' = ?")
			.params(this.users.tenantAdminName(acme), own.toString())
			.query(Long.class)
			.single())).isEqualTo(1);

		// Another tenant's admin, an operator and an auditor cannot send one to it.
		MockHttpSession adminB = this.users.tenantAdminSession(this.mvc, bravo);
		this.mvc.perform(post("/notifications/mine/" + own + "/test").session(adminB).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/notifications/mine/" + own + "/test").session(this.users.operatorSession(this.mvc))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/notifications/mine/" + own + "/test").session(adminA))
			.andExpect(status().isForbidden());
		this.worker.runOnce();
		assertThat(MAIL.getReceivedMessages()).as("only the owner's test").hasSize(1);
	}

	private UUID subscribeOwn(MockHttpSession admin, String email) throws Exception {
		this.mvc
			.perform(post("/notifications/mine").session(admin)
				.with(csrf())
				.param("email", email)
				.param("language", "en")
				.param("eventTypes", "LIGHT_WORSENED")
				.param("minSeverity", "INFO")
				.param("mode", "immediate"))
			.andExpect(redirectedUrl("/notifications/mine"));
		return this.db.query((jdbc) -> jdbc.sql("SELECT id FROM notification_subscription WHERE email = ?")
			.param(email)
			.query(UUID.class)
			.single());
	}

	private UUID subscriptionOf(UUID channel) {
		return this.db.query((jdbc) -> jdbc.sql("SELECT id FROM notification_subscription WHERE channel_id = ?")
			.param(channel)
			.query(UUID.class)
			.single());
	}

	/** Reads the audit log as an operator (the system role only appends to it). */
	private <T> T asAuditReader(java.util.function.Function<JdbcClient, T> query) {
		return asOperator(() -> this.transactions.execute((tx) -> query.apply(this.jdbc)));
	}

	private List<String> audit(UUID channel, UUID subscription, UUID own) {
		return asAuditReader((jdbc) -> jdbc
			.sql("SELECT actor || ' ' || action || ' ' || target FROM audit_event WHERE action LIKE 'NOTIFICATION_%' "
					+ "AND (details->>'channel' = ? OR details->>'subscription' IN (?, ?)) ORDER BY id")
			.params(channel.toString(), subscription.toString(), own.toString())
			.query(String.class)
			.list());
	}

}
