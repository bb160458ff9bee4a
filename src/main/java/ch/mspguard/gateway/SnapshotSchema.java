package ch.mspguard.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

/**
 * The JSON Schema of the snapshot format shipped in {@code schema/}, applied to every
 * document before the importer's own checks. Its errors become {@link ValidationError}s
 * with a JSON pointer and a message code of ours, so that they read the same as the
 * importer's.
 */
final class SnapshotSchema {

	static final String LOCATION = "schema/seppmail-hardening-snapshot-1.schema.json";

	private final Schema schema;

	SnapshotSchema() {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The snapshot schema is missing from the application", ex);
		}
	}

	List<ValidationError> validate(JsonNode document) {
		List<ValidationError> errors = new ArrayList<>();
		for (Error error : this.schema.validate(document)) {
			errors.add(translate(error));
		}
		return errors;
	}

	private static ValidationError translate(Error error) {
		String location = pointer(error.getInstanceLocation());
		JsonNode schemaValue = error.getSchemaNode();
		return switch (error.getKeyword()) {
			case "additionalProperties" ->
				ValidationError.of(location + "/" + ValidationError.segment(error.getProperty()), "field.unknown",
						error.getProperty());
			case "required" -> ValidationError.of(location + "/" + ValidationError.segment(error.getProperty()),
					"field.required", error.getProperty());
			case "type" -> ValidationError.of(location, "field.type", describeTypes(schemaValue));
			case "enum" -> ValidationError.of(location, "field.enum", describeValues(schemaValue));
			case "const" -> ValidationError.of(location, "field.const", schemaValue.asString());
			case "maxLength" -> ValidationError.of(location, "text.tooLong", schemaValue.asInt());
			case "minLength" -> ValidationError.of(location, "field.empty");
			case "maxItems" -> ValidationError.of(location, "field.tooMany", schemaValue.asInt());
			default -> ValidationError.of(location, "field.invalid");
		};
	}

	static String pointer(NodePath path) {
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			pointer.append('/').append(ValidationError.segment(String.valueOf(path.getElement(i))));
		}
		return pointer.toString();
	}

	private static String describeTypes(JsonNode types) {
		if (types == null) {
			return "";
		}
		return types.isArray()
				? String.join(" or ", StreamSupport.stream(types.spliterator(), false).map(JsonNode::asString).toList())
				: types.asString();
	}

	private static String describeValues(JsonNode values) {
		if (values == null || !values.isArray()) {
			return "";
		}
		return String.join(", ",
				StreamSupport.stream(values.spliterator(), false)
					.map((v) -> v.isNull() ? "null" : v.asString())
					.toList());
	}

}
