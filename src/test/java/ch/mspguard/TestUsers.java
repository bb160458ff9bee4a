package ch.mspguard;

import java.util.UUID;

import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import ch.mspguard.user.UserService;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Accounts for tests, created on first use; every test logs in for real (HTTP Basic or
 * the login form), so that the security filters and the database roles are part of each
 * test.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct-horse-battery-staple-42";

	public static final String OPERATOR = "it-operator";

	public static final String AUDITOR = "it-auditor";

	private final UserService users;

	TestUsers(UserService users) {
		this.users = users;
	}

	public RequestPostProcessor operator() {
		return as(OPERATOR, Role.OPERATOR, null);
	}

	public RequestPostProcessor auditor() {
		return as(AUDITOR, Role.AUDITOR, null);
	}

	/** The admin of the given tenant, named after the tenant's id. */
	public RequestPostProcessor tenantAdmin(UUID tenantId) {
		return as(tenantAdminName(tenantId), Role.TENANT_ADMIN, tenantId);
	}

	public String tenantAdminName(UUID tenantId) {
		return "admin-" + tenantId;
	}

	public RequestPostProcessor as(String username, Role role, UUID tenantId) {
		ensure(username, role, tenantId);
		return httpBasic(username, PASSWORD);
	}

	/** Logs in through the login form, as a browser does, and returns the session. */
	public MockHttpSession login(MockMvc mvc, String username) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	public MockHttpSession operatorSession(MockMvc mvc) throws Exception {
		ensure(OPERATOR, Role.OPERATOR, null);
		return login(mvc, OPERATOR);
	}

	public MockHttpSession auditorSession(MockMvc mvc) throws Exception {
		ensure(AUDITOR, Role.AUDITOR, null);
		return login(mvc, AUDITOR);
	}

	public MockHttpSession tenantAdminSession(MockMvc mvc, UUID tenantId) throws Exception {
		ensure(tenantAdminName(tenantId), Role.TENANT_ADMIN, tenantId);
		return login(mvc, tenantAdminName(tenantId));
	}

	public void ensure(String username, Role role, UUID tenantId) {
		SystemActor.run("test", () -> this.users.createIfMissing(username, PASSWORD, role, tenantId));
	}

}
