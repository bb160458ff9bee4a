package ch.mspguard.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import ch.mspguard.BrowserSupport;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Single sign-on in a real browser against a real OpenID Connect provider in the test JVM
 * (mock-oauth2-server: discovery, authorization, token and JWKS endpoints). Each sign-in
 * gets the claims the test queues at the provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SingleSignOnBrowserTests {

	static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

	static final String CLIENT_ID = "hardening-dashboard";

	@LocalServerPort
	int port;

	@Autowired
	SsoMappingRepository mappings;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	WebDriver browser;

	UUID tenant;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		PROVIDER.start();
		String prefix = "spring.security.oauth2.client.registration.idp.";
		registry.add(prefix + "client-id", () -> CLIENT_ID);
		registry.add(prefix + "client-secret", () -> "test-secret");
		registry.add(prefix + "client-name", () -> "Test IdP");
		registry.add(prefix + "scope", () -> "openid,profile");
		registry.add("hardening.sso.require-mfa-for-operators", () -> "true");
		// Single sign-on only, but for the emergency operator account.
		registry.add("hardening.login.local-form", () -> "false");
		registry.add("hardening.login.emergency-account", () -> TestUsers.OPERATOR);
		registry.add("spring.security.oauth2.client.provider.idp.issuer-uri",
				() -> PROVIDER.issuerUrl("default").toString());
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.shutdown();
	}

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		ImportResult result = SystemActor.call("test", () -> this.importer
			.importSnapshot(this.reader.read(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))), "test"));
		this.tenant = result.tenants().get(0).id();
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOperatorGroupReachesTheOverview() {
		String group = map("msp-operators", Role.OPERATOR, null);
		signIn("anna.ops@msp.example", group, List.of("pwd", "mfa"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");
		BrowserSupport.screenshot(this.browser, "sso-1-operator-overview");
	}

	@Test
	void anOperatorWithoutTheProvidersMfaAssertionIsRefused() {
		String group = map("msp-operators", Role.OPERATOR, null);
		signIn("otto.ops@msp.example", group, List.of("pwd"));
		assertThat(this.browser.getCurrentUrl()).contains("/login/no-access");
		assertThat(this.browser.findElement(By.id("no-access")).getText()).contains("multi-factor");
	}

	@Test
	void aTenantGroupLandsOnItsTenantOnly() {
		String group = map("acme-admins", Role.TENANT_ADMIN, this.tenant);
		signIn("tom.acme@customer.example", group);
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants/" + this.tenant);
		this.browser.get(url("/tenants"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("not allowed");
	}

	@Test
	void aUserWithoutAMappedGroupSeesTheNoAccessPageAndIsAudited() {
		signIn("eve@elsewhere.example", "unmapped-" + UUID.randomUUID());
		assertThat(this.browser.getCurrentUrl()).contains("/login/no-access");
		assertThat(this.browser.findElement(By.id("no-access")).getText()).contains("none of your groups is mapped");
		BrowserSupport.screenshot(this.browser, "sso-2-no-access");
		assertThat(auditEntries("SSO_LOGIN_DENIED", "eve@elsewhere.example")).isEqualTo(1);
	}

	@Test
	void aSignedInUserWhoseMappingAnOperatorRemovesLosesAccessAtOnceAndAtTheNextSignIn() throws Exception {
		String group = map("msp-auditors", Role.AUDITOR, null);
		signIn("max.audit@msp.example", group);
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");

		MockHttpSession operator = this.users.operatorSession(this.mvc);
		this.mvc.perform(post("/users/sso-mappings/{id}/delete", mappingId(group)).session(operator).with(csrf()))
			.andExpect(redirectedUrl("/users/sso-mappings"));

		this.browser.get(url("/tenants"));
		assertThat(this.browser.getCurrentUrl()).contains("/login/no-access");
		assertThat(this.browser.findElement(By.id("no-access")).getText()).contains("your session has ended");
		BrowserSupport.screenshot(this.browser, "sso-4-session-ended");
		this.browser.get(url("/tenants"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		assertThat(auditEntries("SSO_SESSION_ENDED", "max.audit@msp.example")).isEqualTo(1);

		signIn("max.audit@msp.example", group);
		assertThat(this.browser.getCurrentUrl()).contains("/login/no-access");
		assertThat(this.browser.findElement(By.id("no-access")).getText()).contains("none of your groups is mapped");
	}

	@Test
	void aChangeThatKeepsWhatTheGroupsGrantLeavesTheSessionAlone() throws Exception {
		String group = map("msp-auditors", Role.AUDITOR, null);
		String other = map("msp-auditors-too", Role.AUDITOR, null);
		signInWithGroups("ada.audit@msp.example", List.of(group, other), List.of("pwd"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");

		MockHttpSession operator = this.users.operatorSession(this.mvc);
		this.mvc.perform(post("/users/sso-mappings/{id}/delete", mappingId(group)).session(operator).with(csrf()))
			.andExpect(redirectedUrl("/users/sso-mappings"));

		this.browser.get(url("/tenants"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");
		assertThat(auditEntries("SSO_SESSION_ENDED", "ada.audit@msp.example")).isZero();
	}

	@Test
	void withLocalLoginOffTheEmergencyOperatorLogsInBehindEmergencyAccessAndRemovesAMapping() {
		String group = map("msp-auditors", Role.AUDITOR, null);
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		this.browser.get(url("/login"));
		assertThat(this.browser.findElement(By.linkText("Sign in with Test IdP")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("username")).isDisplayed()).isFalse();
		BrowserSupport.screenshot(this.browser, "sso-0-login-local-off");

		this.browser.findElement(By.cssSelector("#emergency-login summary")).click();
		this.browser.findElement(By.id("username")).sendKeys(TestUsers.OPERATOR);
		this.browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		this.browser.findElement(By.cssSelector("#emergency-login button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> driver.getCurrentUrl().endsWith("/tenants"));
		this.browser.get(url("/users/sso-mappings"));
		BrowserSupport.screenshot(this.browser, "sso-3-mappings");
		BrowserSupport.submit(this.browser, this.browser
			.findElement(By.xpath("//tr[td[normalize-space()='" + group + "']]//button[@type='submit']")));
		assertThat(this.browser.findElement(By.id("sso-mappings")).getText()).doesNotContain(group);
	}

	@Test
	void withLocalLoginOffAnyOtherAccountIsRefusedWithAClearMessageAndAudited() throws Exception {
		this.users.ensure(TestUsers.AUDITOR, Role.AUDITOR, null);
		this.mvc.perform(loginForm(TestUsers.AUDITOR, "wrong-password-123")).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(loginForm(TestUsers.AUDITOR, TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?local-off"));
		long refusals = asOperator(() -> this.transactions.execute((tx) -> this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor = ? "
					+ "AND details ->> 'reason' = 'local login turned off'")
			.param(TestUsers.AUDITOR)
			.query(Long.class)
			.single()));
		assertThat(refusals).isEqualTo(1);
		this.mvc.perform(get("/login?local-off").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Local login is turned off")));
		// The API's HTTP Basic has its own switch (hardening.api.basic-auth).
		this.mvc.perform(get("/api/tenants").with(this.users.auditor())).andExpect(status().isOk());
	}

	private String map(String name, Role role, UUID tenantId) {
		String group = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		asOperator(() -> this.transactions
			.execute((tx) -> this.mappings.save(new SsoMapping(group, role, tenantId, TestUsers.OPERATOR))));
		return group;
	}

	/** Queues the provider's answer, then signs in through the login page's button. */
	private void signIn(String username, String group) {
		signIn(username, group, List.of("pwd"));
	}

	private void signIn(String username, String group, List<String> amr) {
		signInWithGroups(username, List.of(group), amr);
	}

	private void signInWithGroups(String username, List<String> groups, List<String> amr) {
		PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("default", UUID.randomUUID().toString(), "JWT",
				List.of(CLIENT_ID), Map.of("preferred_username", username, "groups", groups, "amr", amr), 3600));
		this.browser.get(url("/login"));
		this.browser.findElement(By.linkText("Sign in with Test IdP")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> driver.getCurrentUrl().startsWith(url("/"))
					&& !driver.getCurrentUrl().contains("/login?") && !driver.getCurrentUrl().endsWith("/login"));
	}

	private UUID mappingId(String group) {
		return asOperator(() -> this.transactions
			.execute((tx) -> this.mappings.findByClaimValueIn(List.of(group)).get(0).getId()));
	}

	private static MockHttpServletRequestBuilder loginForm(String user, String password) {
		return post("/login").param("username", user).param("password", password).with(csrf());
	}

	private long auditEntries(String action, String target) {
		return asOperator(() -> this.transactions
			.execute((tx) -> this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target = ?")
				.params(action, target)
				.query(Long.class)
				.single()));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static <T> T asOperator(Supplier<T> work) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(TestUsers.OPERATOR, null,
					List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
