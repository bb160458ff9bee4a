package ch.mspguard.seppmail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * SEPPmail's own OpenAPI description of the appliance's REST API (test resource
 * {@code seppmail/seppmail_rest_api.yaml}), used to validate every response the mock
 * appliance serves, so that the fixtures cannot drift from SEPPmail's schema. The
 * response schemas are validated with the OpenAPI 3.0 dialect, formats (ipv4, ipv6, uuid,
 * email, hostname) asserted.
 */
final class SeppmailApiSchema {

	static final String LOCATION = "seppmail/seppmail_rest_api.yaml";

	private static final SeppmailApiSchema INSTANCE = new SeppmailApiSchema();

	private final Schema customers;

	private final Schema domains;

	private SeppmailApiSchema() {
		JsonNode api;
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			api = YAMLMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), (builder) -> builder
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		this.customers = registry.getSchema(responseSchema(api, ApiDocument.CUSTOMERS));
		this.domains = registry.getSchema(responseSchema(api, ApiDocument.DOMAINS));
	}

	static SeppmailApiSchema get() {
		return INSTANCE;
	}

	/** The schema of the 200 response of {@code GET <path>}. */
	private static JsonNode responseSchema(JsonNode api, String path) {
		JsonNode schema = api.path("paths")
			.path(path)
			.path("get")
			.path("responses")
			.path("200")
			.path("content")
			.path("application/json")
			.path("schema");
		if (!schema.isObject()) {
			throw new IllegalStateException("No response schema for GET " + path + " in " + LOCATION);
		}
		return schema;
	}

	List<String> customerErrors(JsonNode response) {
		return messages(this.customers.validate(response));
	}

	List<String> domainErrors(JsonNode response) {
		return messages(this.domains.validate(response));
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

}
