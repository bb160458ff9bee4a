package ch.mspguard.system;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WebSecurityTests {

	static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

	static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=\"", Pattern.CASE_INSENSITIVE);

	static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ServerProperties server;

	@Test
	void everyPageCarriesAStrictPolicyAndNoInlineScriptOrStyle() throws Exception {
		UUID tenant = importTenant();
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/gateways").with(this.users.operator()))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get(0)
			.get("id")
			.asString();
		List<String> pages = List.of("/login", "/tenants", "/tenants?light=RED&lang=de", "/tenants/" + tenant,
				"/tenants/" + tenant + "?all=true", "/tenants/" + tenant + "/settings", "/gateways",
				"/gateways/" + gateway, "/rules", "/users", "/audit", "/account/second-factor",
				"/tenants/" + UUID.randomUUID());
		for (String page : pages) {
			MvcResult result = this.mvc.perform(get(page).session(session)).andReturn();
			String policy = result.getResponse().getHeader("Content-Security-Policy");
			assertThat(policy).as(page)
				.contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'",
						"base-uri 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(result.getResponse().getHeader("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
			assertThat(result.getResponse().getHeader("Referrer-Policy")).as(page).isEqualTo("same-origin");
			String html = result.getResponse().getContentAsString();
			assertThat(find(INLINE_SCRIPT, html)).as(page + " inline script").isEmpty();
			assertThat(find(INLINE_STYLE, html)).as(page + " inline style").isEmpty();
			assertThat(find(EVENT_HANDLER, html)).as(page + " event handler").isEmpty();
		}
	}

	@Test
	void hstsOnlyBehindTls() throws Exception {
		this.mvc.perform(get("/login").secure(true)).andExpect(header().exists("Strict-Transport-Security"));
		this.mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void loginRenewsTheSessionIdAndLogoutEndsTheSession() throws Exception {
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		MockHttpSession before = (MockHttpSession) this.mvc.perform(get("/login"))
			.andReturn()
			.getRequest()
			.getSession();
		String idBefore = before.getId();
		MvcResult login = this.mvc
			.perform(post("/login").session(before)
				.param("username", TestUsers.OPERATOR)
				.param("password", TestUsers.PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession after = (MockHttpSession) login.getRequest().getSession(false);
		assertThat(after.getId()).isNotEqualTo(idBefore);
		this.mvc.perform(get("/tenants").session(after)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").session(after).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		assertThat(after.isInvalid()).isTrue();
	}

	@Test
	void repeatedFailuresThrottleTheAccountWhetherItExistsOrNot() throws Exception {
		String known = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.ensure(known, Role.AUDITOR, null);
		String unknown = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
		for (String user : List.of(known, unknown)) {
			for (int i = 0; i < 5; i++) {
				this.mvc.perform(login(user, "wrong-password-" + i)).andExpect(redirectedUrl("/login?error"));
			}
			String throttled = this.mvc.perform(login(user, TestUsers.PASSWORD))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(throttled).as(user).startsWith("/login?throttled=");
			if (user.equals(known)) {
				// at once: the delay is a second or two, and a busy machine's further
				// logins
				// would outlast it
				this.mvc.perform(get("/api/tenants").with(this.users.as(known, Role.AUDITOR, null)))
					.andExpect(status().isTooManyRequests())
					.andExpect(header().exists("Retry-After"));
			}
		}
	}

	@Test
	void sessionsEndAfterThirtyIdleMinutes() {
		assertThat(this.server.getServlet().getSession().getTimeout()).hasMinutes(30);
	}

	@Test
	void apiAnswersJsonNotALoginPage() throws Exception {
		this.mvc.perform(get("/api/tenants").accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user,
			String password) {
		return post("/login").param("username", user).param("password", password).with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2." + Math.abs(user.hashCode() % 200));
			return request;
		});
	}

	private UUID importTenant() throws Exception {
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(TestSnapshots.JSON.readTree(body).at("/tenants/0/id").asString());
	}

	private static List<String> find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
