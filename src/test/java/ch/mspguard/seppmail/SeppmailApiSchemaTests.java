package ch.mspguard.seppmail;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixtures keep to SEPPmail's schema, and the schema check can fail.
 */
class SeppmailApiSchemaTests {

	private final SeppmailApiSchema schema = SeppmailApiSchema.get();

	@Test
	void theStandardFixtureKeepsToTheSchema() {
		ApplianceData data = ApplianceData.standard();
		assertThat(this.schema.customerErrors(data.customers)).isEmpty();
		assertThat(this.schema.domainErrors(data.domains)).isEmpty();
	}

	@Test
	void aFixtureThatLeavesTheSchemaIsCaught() {
		ApplianceData data = ApplianceData.standard();
		data.domain("bravo", "bravo.ch").withArray("sendingServers").add(ApplianceData.ipv4("203.0.113.0", 33));
		ObjectNode badTls = (ObjectNode) data.domain("acme", "acme.ch").get("tls");
		badTls.put("level", "strict");
		data.customers.withObject("/bravo").put("adminEmail", "not an address");
		assertThat(this.schema.domainErrors(data.domains)).isNotEmpty();
		assertThat(this.schema.customerErrors(data.customers)).isNotEmpty();
	}

}
