package ch.mspguard.notification;

import java.util.UUID;

import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import org.junit.jupiter.api.Test;

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
 * The pages: bad input gets a message at its field, and a tenant admin's own subscription
 * is theirs alone.
 */
class NotificationPagesTests extends NotificationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void badChannelAndSubscriptionInputIsNamedAtItsField() throws Exception {
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		String page = this.mvc
			.perform(post("/notifications/channels").session(operator)
				.with(csrf())
				.param("name", "")
				.param("kind", "WEBHOOK")
				.param("url", "ftp://hooks.example/x")
				.param("secret", "short")
				.param("language", "fr"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter a name of at most 100 characters.",
				"Enter an http or https URL with a host name", "Enter a secret of at least 16 characters.",
				"Choose English or German.");
		assertThat(page).doesNotContain("ftp://hooks.example/x");

		emailChannel("Ops", "ops@msp.example", "en");
		String subscription = this.mvc
			.perform(post("/notifications/subscriptions").session(operator)
				.with(csrf())
				.param("channelId", "not-an-id")
				.param("tenantIds", UUID.randomUUID().toString())
				.param("mode", "digest")
				.param("digestTime", "25:00")
				.param("digestZone", "Mars/Olympus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(subscription).contains("Choose one of the channels.", "Choose tenants from the list.",
				"Choose at least one event.", "Enter a time such as 07:00.",
				"Enter a time zone such as Europe/Zurich.");
	}

	@Test
	void aTenantAdminSubscribesTheirOwnAddressAndNobodyElsesSeesIt() throws Exception {
		ImportResult gateway = importTwoTenants();
		UUID acme = gateway.tenants().get(0).id();
		UUID bravo = gateway.tenants().get(1).id();
		MockHttpSession adminA = this.users.tenantAdminSession(this.mvc, acme);
		this.mvc
			.perform(post("/notifications/mine").session(adminA)
				.with(csrf())
				.param("email", "admin@acme.example")
				.param("language", "de")
				.param("eventTypes", "LIGHT_WORSENED")
				.param("minSeverity", "INFO")
				.param("mode", "immediate"))
			.andExpect(redirectedUrl("/notifications/mine"));
		assertThat(this.mvc.perform(get("/notifications/mine").session(adminA))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("admin@acme.example");
		assertThat(this.db.count("SELECT count(*) FROM notification_subscription WHERE tenant_id = ?", acme))
			.isEqualTo(1);

		MockHttpSession adminB = this.users.tenantAdminSession(this.mvc, bravo);
		assertThat(this.mvc.perform(get("/notifications/mine").session(adminB))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("admin@acme.example");
		// Choosing an operator's event is refused: tenant admins get their tenant's
		// events only.
		assertThat(this.mvc
			.perform(post("/notifications/mine").session(adminB)
				.with(csrf())
				.param("email", "admin@bravo.example")
				.param("eventTypes", "IMPORT_APPLIED")
				.param("minSeverity", "INFO")
				.param("mode", "immediate"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Choose events from the list.");
	}

}
