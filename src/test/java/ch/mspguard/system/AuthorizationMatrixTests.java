package ch.mspguard.system;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestUsers;
import ch.mspguard.token.TestTokens;
import ch.mspguard.user.TestSsoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, asked by every kind of principal about its own
 * tenant's objects, another tenant's and objects that do not exist, must give exactly the
 * answer in {@code security/authorization-matrix.csv}; an endpoint without rows fails the
 * test.
 */
@IntegrationTest
class AuthorizationMatrixTests {

	/** Framework endpoints, public by design. */
	static final Set<String> UNLISTED = Set.of("GET /error", "GET /actuator/health", "GET /actuator/health/**",
			"GET /actuator");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Autowired
	TestSsoUsers ssoUsers;

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointGivesTheExpectedAnswerToEveryPrincipal() throws Exception {
		AuthorizationMatrix matrix = AuthorizationMatrix.load("security/authorization-matrix.csv");
		Set<String> mapped = mappedEndpoints();
		assertThat(mapped).as("endpoints without a row in the matrix")
			.allSatisfy((endpoint) -> assertThat(matrix.endpoints()).containsKey(endpoint));
		assertThat(matrix.endpoints().keySet()).as("rows for endpoints that do not exist").isSubsetOf(mapped);
		assertThat(new AuthorizationMatrixRunner(this.mvc, this.users, this.tokens, this.ssoUsers)
			.unexpectedAnswers(matrix)).as("unexpected answers").isEmpty();
	}

	Set<String> mappedEndpoints() {
		return new MappedEndpoints(this.context).all();
	}

	/**
	 * Every method and path the application's controllers map, framework ones left out.
	 */
	record MappedEndpoints(ApplicationContext context) {

		Set<String> all() {
			Set<String> endpoints = new TreeSet<>();
			for (RequestMappingInfoHandlerMapping mapping : this.context
				.getBeansOfType(RequestMappingInfoHandlerMapping.class)
				.values()) {
				for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
					Set<?> methods = info.getMethodsCondition().getMethods();
					for (String pattern : info.getPatternValues()) {
						if (methods.isEmpty()) {
							endpoints.add("GET " + pattern);
						}
						for (Object method : methods) {
							endpoints.add(method + " " + pattern);
						}
					}
				}
			}
			endpoints.removeAll(UNLISTED);
			endpoints.removeIf((endpoint) -> endpoint.contains("/actuator"));
			return endpoints;
		}

	}

}
