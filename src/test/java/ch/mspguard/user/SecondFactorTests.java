package ch.mspguard.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
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

@IntegrationTest
class SecondFactorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	SecondFactorService secondFactor;

	@Test
	void enrolWithTheQrCodeThenLogInWithACodeOrARecoveryCode() throws Exception {
		String user = "totp-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.ensure(user, Role.AUDITOR, null);
		MockHttpSession session = this.users.login(this.mvc, user);

		String page = this.mvc.perform(get("/account/second-factor").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data:image/png;base64,");
		byte[] secret = Base32.decode(first(Pattern.compile("<code class=\"text-break\">([A-Z2-7]+)</code>"), page));
		long step = Totp.step(Instant.now());
		this.mvc.perform(post("/account/second-factor").session(session).param("code", "000000").with(csrf()))
			.andExpect(status().isOk());
		String codesPage = this.mvc
			.perform(
					post("/account/second-factor").session(session).param("code", Totp.code(secret, step)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> recovery = all(Pattern.compile("<li>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</li>"), codesPage);
		assertThat(recovery).hasSize(10);

		MockHttpSession second = loginExpectingSecondStep(user);
		this.mvc.perform(get("/tenants").session(second)).andExpect(status().isForbidden());
		this.mvc.perform(post("/login/second-factor").session(second).param("code", "123456").with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/tenants").session(second)).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/login/second-factor").session(second).param("code", Totp.code(secret, step + 1)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/tenants").session(second)).andExpect(status().isOk());

		MockHttpSession third = loginExpectingSecondStep(user);
		this.mvc.perform(post("/login/second-factor").session(third).param("code", recovery.get(0)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		MockHttpSession fourth = loginExpectingSecondStep(user);
		this.mvc.perform(post("/login/second-factor").session(fourth).param("code", recovery.get(0)).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/tenants").session(fourth)).andExpect(status().isForbidden());

		this.mvc.perform(get("/api/tenants").with(this.users.as(user, Role.AUDITOR, null)))
			.andExpect(status().isForbidden());
	}

	@Test
	void whenOperatorsRequireItEveryoneMustEnrolBeforeAnythingElse() throws Exception {
		String user = "must-enrol-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.ensure(user, Role.AUDITOR, null);
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		this.mvc.perform(post("/users/second-factor-required").session(operator).param("required", "true").with(csrf()))
			.andExpect(redirectedUrl("/users"));
		try {
			MockHttpSession session = (MockHttpSession) this.mvc
				.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD).with(csrf()))
				.andExpect(redirectedUrl("/account/second-factor"))
				.andReturn()
				.getRequest()
				.getSession(false);
			this.mvc.perform(get("/tenants").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk());
		}
		finally {
			this.mvc.perform(
					post("/users/second-factor-required").session(operator).param("required", "false").with(csrf()));
		}
		assertThat(ch.mspguard.tenant.SystemActor.call("test", this.secondFactor::isRequiredForEveryone)).isFalse();
	}

	private MockHttpSession loginExpectingSecondStep(String user) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login/second-factor"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("pattern " + pattern).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
