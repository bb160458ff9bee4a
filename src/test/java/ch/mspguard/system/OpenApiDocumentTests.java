package ch.mspguard.system;

import java.util.Set;
import java.util.TreeSet;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestUsers;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The served OpenAPI document is valid and describes exactly the API the application
 * maps: every {@code /api/**} endpoint, none missing, none invented, with the bearer
 * scheme and the error shape.
 */
@IntegrationTest
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationContext context;

	@Test
	void theDocumentIsValidAndListsEveryApiEndpointAndNoOther() throws Exception {
		String json = this.mvc.perform(get("/v3/api-docs").session(this.users.operatorSession(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		SwaggerParseResult result = new OpenAPIParser().readContents(json, null, null);
		assertThat(result.getMessages()).as("validation messages").isEmpty();
		OpenAPI api = result.getOpenAPI();
		Set<String> documented = new TreeSet<>();
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.keySet()
				.forEach((method) -> documented.add(method.name() + " " + path)));
		Set<String> mapped = new TreeSet<>();
		for (String endpoint : new AuthorizationMatrixTests.MappedEndpoints(this.context).all()) {
			if (endpoint.split(" ")[1].startsWith("/api/")) {
				mapped.add(endpoint);
			}
		}
		assertThat(documented).isEqualTo(mapped);
		assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "basic");
		assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
		assertThat(api.getComponents().getSchemas()).containsKey(OpenApiConfiguration.ERRORS);
		assertThat(api.getPaths().get("/api/tokens").getPost().getResponses()).containsKeys("400", "401", "403");
	}

	@Test
	void onlySignedInOperatorsReadTheDocumentAndSwaggerUi() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/v3/api-docs").session(this.users.auditorSession(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/swagger-ui/index.html").session(this.users.operatorSession(this.mvc)))
			.andExpect(status().isOk());
	}

}
