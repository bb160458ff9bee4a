package ch.mspguard.user;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void operatorsAndAuditorsLogInAndLandOnTheOverview() throws Exception {
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		this.users.ensure(TestUsers.AUDITOR, Role.AUDITOR, null);
		for (String user : new String[] { TestUsers.OPERATOR, TestUsers.AUDITOR }) {
			this.mvc.perform(loginForm(user, TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		}
		this.mvc.perform(get("/").session(this.users.operatorSession(this.mvc))).andExpect(redirectedUrl("/tenants"));
	}

	@Test
	void tenantAdminLogsInAndLandsOnTheirTenant() throws Exception {
		UUID tenant = importTenant();
		this.users.ensure(this.users.tenantAdminName(tenant), Role.TENANT_ADMIN, tenant);
		this.mvc.perform(loginForm(this.users.tenantAdminName(tenant), TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").session(this.users.tenantAdminSession(this.mvc, tenant)))
			.andExpect(redirectedUrl("/tenants/" + tenant));
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		this.mvc.perform(loginForm(TestUsers.OPERATOR, "wrong-password-123")).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(loginForm("nobody-" + UUID.randomUUID(), "wrong-password-123"))
			.andExpect(redirectedUrl("/login?error"));
		String wrongPassword = this.mvc.perform(get("/api/tenants").with(httpBasic(TestUsers.OPERATOR, "wrong-pw-123")))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownUser = this.mvc.perform(get("/api/tenants").with(httpBasic("nobody-x", "wrong-pw-123")))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongPassword).isEqualTo(unknownUser);
	}

	@Test
	void tenantAdminListsOnlyTheirOwnTenant() throws Exception {
		UUID tenant = importTenant();
		importTenant();
		this.mvc.perform(get("/api/tenants").with(this.users.tenantAdmin(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(tenant.toString()));
		String all = this.mvc.perform(get("/api/tenants").with(this.users.operator()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(TestSnapshots.JSON.readTree(all).size()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void operatorsCreateUsersThroughTheApiWithStrongPasswordsOnly() throws Exception {
		String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/api/users").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"password1234\",\"role\":\"AUDITOR\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/password"));
		this.mvc
			.perform(post("/api/users").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"a long and unusual passphrase\","
						+ "\"role\":\"TENANT_ADMIN\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/tenantId"));
		this.mvc
			.perform(post("/api/users").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"a long and unusual passphrase\","
						+ "\"role\":\"AUDITOR\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/tenants").with(httpBasic(name, "a long and unusual passphrase")))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/users").with(httpBasic(name, "a long and unusual passphrase"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	private UUID importTenant() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(TestSnapshots.JSON.readTree(body).at("/tenants/0/id").asString());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginForm(String user,
			String password) {
		return post("/login").param("username", user).param("password", password).with(csrf());
	}

}
