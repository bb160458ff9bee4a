package ch.mspguard.system;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/**} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, both for signed-in operators): generated from the
 * controllers, with the two ways in (bearer token, HTTP Basic) and the one error shape
 * every endpoint answers with, so that PSA and documentation tools can generate clients.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String ERRORS = "Errors";

	@Bean
	OpenAPI hardeningApi() {
		return new OpenAPI()
			.info(new Info().title("SEPPmail hardening dashboard API")
				.version("1")
				.description("Tenants, gateways and findings of the hardening checklist; snapshot import and export; "
						+ "reports; users and API tokens. Authenticate with `Authorization: Bearer mspg_…` "
						+ "(an API token, created with POST /api/tokens) or HTTP Basic (when enabled). "
						+ "Every error answers `{\"errors\":[{\"path\",\"message\"}]}`; "
						+ "`path` is a JSON pointer into the request or empty."))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("mspg_ token")
							.description("An API token: its scopes decide which endpoints it may call."))
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("User name and password of an account without a second factor; "
									+ "can be switched off (hardening.api.basic-auth=false).")))
			.security(List.of(new SecurityRequirement().addList("bearer"), new SecurityRequirement().addList("basic")));
	}

	/** Every operation documents the error answers it can give, with an example each. */
	@Bean
	OpenApiCustomizer errorResponses() {
		return (api) -> {
			// Here rather than on the OpenAPI bean: springdoc replaces the schemas it
			// finds
			// there with those it generates.
			api.getComponents().addSchemas(ERRORS, errorsSchema());
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (method == PathItem.HttpMethod.POST) {
					add(operation, "400", "Invalid request: every wrong field with its JSON pointer", "/name",
							"A token name is 1 to 100 letters, digits, spaces and . _ -.");
				}
				add(operation, "401", "No credentials, or a token that is unknown, expired, revoked or used from "
						+ "outside its network", "", "Authentication required");
				add(operation, "403", "The role or the token's scopes do not allow this", "", "Forbidden");
				if (path.contains("{")) {
					add(operation, "404", "No such object, or one the caller may not see", "", "Not found");
				}
			}));
		};
	}

	private static void add(Operation operation, String status, String description, String pointer, String message) {
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		Example example = new Example().value(Map.of("errors", List.of(Map.of("path", pointer, "message", message))));
		operation.getResponses()
			.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERRORS))
									.addExamples("example", example))));
	}

	private static Schema<?> errorsSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("path",
				new StringSchema().description("JSON pointer of the wrong value, empty for the whole request"));
		error.addProperty("message", new StringSchema().description("What is wrong, in the request's language"));
		error.setRequired(List.of("path", "message"));
		ObjectSchema errors = new ObjectSchema();
		errors.addProperty("errors", new ArraySchema().items(error));
		errors.setRequired(List.of("errors"));
		errors.setDescription("The error shape of every endpoint");
		return errors;
	}

}
