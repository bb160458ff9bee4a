package ch.mspguard.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestUsers;
import ch.mspguard.token.TestTokens;
import ch.mspguard.user.TestSsoUsers;
import ch.mspguard.gateway.GatewayDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix catches a controller that forgets the tenant check: it answers 200 where a
 * tenant admin of another tenant must get 404 (row-level security hides the data, but not
 * the mistake).
 */
@IntegrationTest
@Import(BrokenControllerIsCaughtTests.ForgetfulController.class)
class BrokenControllerIsCaughtTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Autowired
	TestSsoUsers ssoUsers;

	@Test
	void aControllerWithoutTheTenantCheckIsCaught() throws Exception {
		AuthorizationMatrix rows = new AuthorizationMatrix(
				Map.of("GET /api/forgetful/tenants/{tenantId}", List.of(new AuthorizationMatrix.Row("GET",
						"/api/forgetful/tenants/{tenantId}", "tenant-admin-a", 200, 404, 404))));
		List<String> unexpected = new AuthorizationMatrixRunner(this.mvc, this.users, this.tokens, this.ssoUsers)
			.unexpectedAnswers(rows);
		assertThat(unexpected).hasSize(2)
			.allSatisfy((answer) -> assertThat(answer).contains("tenant-admin-a", "expected 404, got 200"));
	}

	/** Deliberately broken: no TenantAccess.requireVisible before answering. */
	@RestController
	static class ForgetfulController {

		private final GatewayDirectory directory;

		ForgetfulController(GatewayDirectory directory) {
			this.directory = directory;
		}

		@GetMapping("/api/forgetful/tenants/{tenantId}")
		Map<String, Object> tenant(@PathVariable UUID tenantId) {
			return Map.of("id", tenantId, "known", this.directory.tenant(tenantId).isPresent());
		}

	}

}
