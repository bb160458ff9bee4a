package ch.mspguard.gateway;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ch.mspguard.TestSnapshots;
import ch.mspguard.secrets.TestSecretKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading a snapshot document: what a valid document becomes, and the error (JSON
 * pointer, message code) a user gets for each kind of invalid document.
 */
class SnapshotReaderTests {

	private static final String MINIMAL = "{\"format\": \"seppmail-hardening-snapshot/1\", \"gateway\": {\"name\": \"gw-min\"}}";

	private final SnapshotReader reader = new SnapshotReader(new HeaderChecks(TestSecretKeys.withMasterKey((byte) 7)));

	// Valid documents

	@Test
	void minimalDocumentIsAGatewayWithNothingRecorded() {
		GatewaySnapshot snapshot = this.reader.read(MINIMAL.getBytes(StandardCharsets.UTF_8));
		assertThat(snapshot.gateway())
			.isEqualTo(new GatewaySettings("gw-min", null, null, null, null, null, null, null, null, null));
		assertThat(snapshot.tenants()).isEmpty();
	}

	@Test
	void tenantAndDomainWithOnlyTheirNames() {
		ObjectNode document = minimal();
		document.putArray("tenants")
			.addObject()
			.put("name", "acme")
			.putArray("domains")
			.addObject()
			.put("name", "Acme.Example");
		assertThat(read(document).tenants()).containsExactly(new TenantConfig("acme", null, null, null, null,
				List.of(new DomainConfig("acme.example", null, null, List.of(), List.of(), null, null))));
	}

	@Test
	void fullDocumentIsReadWithEveryField() {
		GatewaySnapshot snapshot = read(document());
		GatewaySettings gateway = snapshot.gateway();
		assertThat(gateway.name()).isEqualTo("gw-test");
		assertThat(gateway.hostname()).isEqualTo("mail.msp.example");
		assertThat(gateway.hosting()).isEqualTo(Hosting.AZURE);
		assertThat(gateway.requireTlsEncryption()).isTrue();
		assertThat(gateway.rejectSpoofedSenderDomain()).isTrue();
		assertThat(gateway.relayingNetworks()).extracting(Network::text)
			.containsExactly("192.0.2.0/28", "2001:db8:1::/64");
		assertThat(gateway.manualListEntries()).containsExactly(
				new ManualListEntry(Network.parse("192.0.2.0/28"), ListAction.ACCEPT, "tenant relays"),
				new ManualListEntry(Network.parse("2001:db8:1::/64"), ListAction.ACCEPT, null));
		assertThat(gateway.adminInboundSources()).extracting(Network::text).containsExactly("198.51.100.0/29");

		assertThat(snapshot.tenants()).extracting(TenantConfig::name).containsExactly("acme", "bravo");
		TenantConfig acme = snapshot.tenants().get(0);
		assertThat(acme.displayName()).isEqualTo("ACME AG");
		assertThat(acme.adminEmail()).isEqualTo("it@acme.example");
		assertThat(acme.mailServerTls()).isEqualTo(MailServerTls.VERIFIED);
		assertThat(acme.vpnTunnel()).isFalse();
		DomainConfig exchangeOnline = acme.domains().get(0);
		assertThat(exchangeOnline.tlsLevel()).isEqualTo(TlsLevel.FINGERPRINT);
		assertThat(exchangeOnline.tlsFingerprints()).singleElement()
			.satisfies((fingerprint) -> assertThat(fingerprint.byteLength()).isEqualTo(32));
		assertThat(exchangeOnline.exchangeOnlineTenantId())
			.isEqualTo(UUID.fromString("936da01f-9abd-4d9d-80c7-02af85c822a8"));
		DomainConfig shop = acme.domains().get(1);
		assertThat(shop.forwardingHost()).isEqualTo("192.0.2.5");
		assertThat(shop.allowedSendingServers()).extracting(Network::text)
			.containsExactly("192.0.2.5", "2001:db8:1::25");
		assertThat(shop.headerCheck().name()).isEqualTo("X-Acme-Relay");
		assertThat(shop.headerCheck().valueLength()).isEqualTo("s3cret-value-never-stored".length());
		assertThat(shop.headerCheck().toString()).doesNotContain("s3cret");
		TenantConfig bravo = snapshot.tenants().get(1);
		assertThat(bravo.adminEmail()).isNull();
		assertThat(bravo.mailServerTls()).isNull();
		assertThat(bravo.vpnTunnel()).isNull();
	}

	@Test
	void readsFromAStream() throws Exception {
		assertThat(this.reader.read(new ByteArrayInputStream(TestSnapshots.bytes(document()))).tenants()).hasSize(2);
	}

	@Test
	void textOutsideAsciiKeepsItsCharactersAndDomainsBecomePunycode() {
		ObjectNode document = document();
		((ObjectNode) document.get("tenants").get(1)).put("displayName", "Zürcher Bücher AG");
		domain(document, 1, 0).put("name", "bücher.example");
		TenantConfig tenant = read(document).tenants().get(1);
		assertThat(tenant.displayName()).isEqualTo("Zürcher Bücher AG");
		assertThat(tenant.domains().get(0).name()).isEqualTo("xn--bcher-kva.example");
	}

	@Test
	void utf8ByteOrderMarkIsAccepted() {
		byte[] json = MINIMAL.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[json.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(json, 0, withBom, 3, json.length);
		assertThat(this.reader.read(withBom).gateway().name()).isEqualTo("gw-min");
	}

	@Test
	void utf16DocumentIsRecognised() {
		assertThat(this.reader.read(MINIMAL.getBytes(StandardCharsets.UTF_16)).gateway().name()).isEqualTo("gw-min");
	}

	@Test
	void latin1TextIsRefusedInsteadOfBeingMisread() {
		String json = MINIMAL.replace("}}", "}, \"tenants\": [{\"name\": \"acme\", \"displayName\": \"Zürich\"}]}");
		assertThat(errors(json.getBytes(StandardCharsets.ISO_8859_1))).extracting(ValidationError::code)
			.contains("json.syntax");
	}

	// Not JSON, not an object

	@Test
	void textThatIsNotJsonIsRefusedSayingWhereTheParserStopped() {
		List<ValidationError> errors = errors("{\n  \"format\": \"seppmail-hardening-snapshot/1\",\n  gateway: {}\n}");
		assertThat(errors).filteredOn((error) -> error.code().equals("json.syntax")).first().satisfies((error) -> {
			assertThat(error.path()).isEmpty();
			assertThat(error.args().get(0)).as("line").isEqualTo(3);
		});
		assertThat(errors("not json at all")).extracting(ValidationError::path, ValidationError::code)
			.contains(tuple("", "json.syntax"));
	}

	@Test
	void aKeyGivenTwiceIsRefused() {
		assertThat(errors(
				"{\"format\": \"seppmail-hardening-snapshot/1\", \"gateway\": {\"name\": \"a\", \"name\": \"b\"}}"))
			.extracting(ValidationError::code)
			.contains("json.syntax");
	}

	@Test
	void anythingAfterTheDocumentIsRefused() {
		assertThat(errors(MINIMAL + " {}")).extracting(ValidationError::code).contains("json.syntax");
	}

	@Test
	void jsonThatIsNotAnObjectIsRefused() {
		assertThat(errors("[]")).contains(ValidationError.of("", "json.notObject"));
		assertThat(errors("\"seppmail-hardening-snapshot/1\"")).contains(ValidationError.of("", "json.notObject"));
		assertThat(errors("null")).contains(ValidationError.of("", "json.notObject"));
	}

	@Test
	void documentLargerThan20MiBIsRefusedForItsSize() {
		byte[] json = new byte[(int) SnapshotReader.MAX_BYTES + 1];
		Arrays.fill(json, (byte) ' ');
		for (SnapshotInvalidException rejection : List.of(rejection(() -> this.reader.read(json)),
				rejection(() -> this.reader.read(new ByteArrayInputStream(json))))) {
			assertThat(rejection.isTooLarge()).isTrue();
			assertThat(rejection.errors()).contains(ValidationError.of("", "document.tooLarge", 20L));
		}
	}

	// The schema: unknown fields, types, required fields

	@Test
	void unknownFieldsAreRefusedWithTheirPointer() {
		ObjectNode document = document();
		document.put("comment", "x");
		((ObjectNode) document.get("gateway")).put("hostnme", "mail.msp.example");
		((ObjectNode) document.get("gateway").get("manualListEntries").get(1)).put("note", "x");
		((ObjectNode) document.get("tenants").get(1)).put("tls/level", "x");
		domain(document, 0, 1).put("tlsLevl", "secure");
		assertThat(errors(document)).contains(ValidationError.of("/comment", "field.unknown", "comment"),
				ValidationError.of("/gateway/hostnme", "field.unknown", "hostnme"),
				ValidationError.of("/gateway/manualListEntries/1/note", "field.unknown", "note"),
				ValidationError.of("/tenants/1/tls~1level", "field.unknown", "tls/level"),
				ValidationError.of("/tenants/0/domains/1/tlsLevl", "field.unknown", "tlsLevl"));
	}

	@Test
	void valuesOfTheWrongTypeAreRefusedNamingTheExpectedType() {
		ObjectNode document = document();
		((ObjectNode) document.get("gateway")).put("requireTlsEncryption", "yes");
		((ObjectNode) document.get("gateway")).put("relayingNetworks", "192.0.2.0/28");
		((ObjectNode) document.get("tenants").get(1)).put("vpnTunnel", 1);
		domain(document, 0, 0).put("allowedSendingServers", "10.255.255.1");
		domain(document, 1, 0).put("name", 42);
		assertThat(errors(document)).contains(
				ValidationError.of("/gateway/requireTlsEncryption", "field.type", "boolean or null"),
				ValidationError.of("/gateway/relayingNetworks", "field.type", "array or null"),
				ValidationError.of("/tenants/1/vpnTunnel", "field.type", "boolean or null"),
				ValidationError.of("/tenants/0/domains/0/allowedSendingServers", "field.type", "array"),
				ValidationError.of("/tenants/1/domains/0/name", "field.type", "string"));
	}

	@Test
	void tenantsThatAreNoListAreRefused() {
		ObjectNode document = minimal();
		document.putObject("tenants").put("name", "acme");
		assertThat(errors(document)).contains(ValidationError.of("/tenants", "field.type", "array"));
	}

	@Test
	void requiredFieldsAreNamedWhenMissing() {
		ObjectNode document = document();
		document.remove("format");
		((ObjectNode) document.get("gateway")).remove("name");
		((ObjectNode) document.get("tenants").get(1)).remove("name");
		domain(document, 0, 0).remove("name");
		((ObjectNode) document.get("gateway").get("manualListEntries").get(0)).remove("action");
		assertThat(errors(document)).contains(ValidationError.of("/format", "field.required", "format"),
				ValidationError.of("/gateway/name", "field.required", "name"),
				ValidationError.of("/tenants/1/name", "field.required", "name"),
				ValidationError.of("/tenants/0/domains/0/name", "field.required", "name"),
				ValidationError.of("/gateway/manualListEntries/0/action", "field.required", "action"));
	}

	@Test
	void anotherFormatVersionIsRefused() {
		ObjectNode document = document();
		document.put("format", "seppmail-hardening-snapshot/2");
		assertThat(errors(document))
			.contains(ValidationError.of("/format", "field.const", "seppmail-hardening-snapshot/1"));
	}

	@Test
	void valueOutsideAnEnumerationIsRefused() {
		ObjectNode document = document();
		((ObjectNode) document.get("gateway")).put("hosting", "cloud");
		((ObjectNode) document.get("gateway").get("manualListEntries").get(0)).put("action", "allow");
		assertThat(errors(document)).extracting(ValidationError::path, ValidationError::code)
			.contains(tuple("/gateway/hosting", "field.enum"),
					tuple("/gateway/manualListEntries/0/action", "field.enum"));
	}

	// The format's own rules

	@Test
	void invalidValuesAreRefusedWithTheRuleThatTheyBreak() {
		ObjectNode document = document();
		((ArrayNode) document.get("gateway").get("relayingNetworks")).set(1, "192.0.2.0/33");
		((ObjectNode) document.get("gateway").get("manualListEntries").get(0)).put("network", "192.0.2.300");
		((ArrayNode) domain(document, 0, 0).get("tlsFingerprints")).add("AB:CD");
		domain(document, 0, 1).put("exchangeOnlineTenantId", "936da01f-9abd-4d9d-80c7");
		domain(document, 1, 0).put("forwardingHost", "mail..bravo.example");
		assertThat(errors(document)).contains(
				ValidationError.of("/gateway/relayingNetworks/1", "network.prefix.ipv4", "192.0.2.0/33"),
				ValidationError.of("/gateway/manualListEntries/0/network", "network.address", "192.0.2.300"),
				ValidationError.of("/tenants/0/domains/0/tlsFingerprints/1", "fingerprint.length", "AB:CD", 2, 16, 64),
				ValidationError.of("/tenants/0/domains/1/exchangeOnlineTenantId", "uuid.invalid",
						"936da01f-9abd-4d9d-80c7"),
				ValidationError.of("/tenants/1/domains/0/forwardingHost", "host.invalid", "mail..bravo.example"));
	}

	@Test
	void theFormatsOwnMessageWinsOverTheSchemasForTheSameValue() {
		ObjectNode document = document();
		((ObjectNode) document.get("gateway")).put("name", "gw 1");
		((ObjectNode) document.get("tenants").get(1)).put("name", "bravo gmbh");
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay");
		List<ValidationError> errors = errors(document);
		assertThat(errors).contains(ValidationError.of("/gateway/name", "gateway.name.invalid", "gw 1"),
				ValidationError.of("/tenants/1/name", "tenant.name.invalid", "bravo gmbh"),
				ValidationError.of("/tenants/0/domains/1/headerCheck", "headerCheck.format"));
		assertThat(errors).extracting(ValidationError::code).doesNotContain("field.invalid");
	}

	@Test
	void duplicateNamesPointAtTheSecondAndNameTheFirst() {
		ObjectNode document = document();
		((ObjectNode) document.get("tenants").get(1)).put("name", "Acme");
		domain(document, 1, 0).put("name", "ACME-shop.example");
		assertThat(errors(document)).contains(
				ValidationError.of("/tenants/1/name", "tenant.duplicateCase", "Acme", "/tenants/0/name", "acme"),
				ValidationError.of("/tenants/1/domains/0/name", "domain.duplicate", "acme-shop.example",
						"/tenants/0/domains/1/name"));
	}

	@Test
	void errorsAreListedInDocumentOrder() {
		ObjectNode document = minimal();
		ArrayNode tenants = document.putArray("tenants");
		for (int i = 0; i < 11; i++) {
			tenants.addObject().put("name", (i == 2 || i == 10) ? "tenant " + i : "tenant-" + i);
		}
		((ObjectNode) document.get("gateway")).putArray("adminInboundSources").add("192.0.2.0/40");
		assertThat(errors(document)).extracting(ValidationError::path)
			.containsSubsequence("/gateway/adminInboundSources/0", "/tenants/2/name", "/tenants/10/name");
	}

	@Test
	void aGatewayMayHave10000TenantsButNotOneMore() {
		ObjectNode document = minimal();
		ArrayNode tenants = document.putArray("tenants");
		for (int i = 0; i < ConfigurationValidator.MAX_TENANTS; i++) {
			tenants.addObject().put("name", "t" + i);
		}
		assertThat(read(document).tenants()).hasSize(10_000);
		tenants.addObject().put("name", "one-more");
		assertThat(errors(document)).contains(ValidationError.of("/tenants", "limits.tenants", 10_000));
	}

	// Round trip with the export

	@Test
	void exportOfAReadDocumentIsTheDocumentWithTheHeaderValueRedacted() {
		ObjectNode document = document();
		JsonNode exported = SnapshotJson.toTree(read(document));
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay:<redacted>");
		assertThat(exported).isEqualTo(document);
	}

	@Test
	void exportWritesNetworksAndNamesNormalisedSoThatItReadsBackUnchanged() {
		ObjectNode document = document();
		domain(document, 1, 0).put("name", "BRAVO.example");
		ArrayNode servers = domain(document, 1, 0).putArray("allowedSendingServers");
		servers.add("203.0.113.77/24").add("2001:DB8:0:0::1/128").add("ANY");
		String exported = SnapshotJson.write(read(document));

		JsonNode tree = TestSnapshots.JSON.readTree(exported);
		assertThat(tree.at("/tenants/1/domains/0/name").asString()).isEqualTo("bravo.example");
		assertThat(tree.at("/tenants/1/domains/0/allowedSendingServers").toString())
			.isEqualTo("[\"203.0.113.0/24\",\"2001:db8::1\",\"any\"]");
		assertThat(SnapshotJson.write(this.reader.read(exported.getBytes(StandardCharsets.UTF_8)))).isEqualTo(exported);
	}

	@Test
	void readingAnExportBackKeepsTheStoredHeaderValueAndChangesNothingElse() {
		GatewaySnapshot original = read(document());
		GatewaySnapshot reread = this.reader.read(SnapshotJson.write(original).getBytes(StandardCharsets.UTF_8));
		assertThat(reread.tenants().get(0).domains().get(1).headerCheck())
			.isEqualTo(HeaderCheck.keepStoredValue("X-Acme-Relay"));
		assertThat(SnapshotDiff.between(original, reread).changedDomains()).singleElement()
			.satisfies((change) -> assertThat(change.changes()).extracting(SnapshotDiff.FieldChange::field)
				.containsExactly("headerCheck"));
		assertThat(SnapshotDiff.between(original, reread).gatewayChanges()).isEmpty();
		assertThat(SnapshotDiff.between(original, reread).changedTenants()).isEmpty();
	}

	private GatewaySnapshot read(JsonNode document) {
		return this.reader.read(TestSnapshots.bytes(document));
	}

	private List<ValidationError> errors(JsonNode document) {
		return errors(TestSnapshots.bytes(document));
	}

	private List<ValidationError> errors(String json) {
		return errors(json.getBytes(StandardCharsets.UTF_8));
	}

	private List<ValidationError> errors(byte[] json) {
		return rejection(() -> this.reader.read(json)).errors();
	}

	private static SnapshotInvalidException rejection(Reading reading) {
		try {
			GatewaySnapshot snapshot = reading.read();
			return fail("Expected the document to be refused, but it was read as %s", snapshot);
		}
		catch (SnapshotInvalidException ex) {
			return ex;
		}
		catch (Exception ex) {
			return fail("Expected a SnapshotInvalidException", ex);
		}
	}

	private static ObjectNode minimal() {
		return (ObjectNode) TestSnapshots.JSON.readTree(MINIMAL);
	}

	private static ObjectNode document() {
		return (ObjectNode) TestSnapshots.read("two-tenants.json");
	}

	private static ObjectNode domain(ObjectNode document, int tenant, int domain) {
		return (ObjectNode) document.get("tenants").get(tenant).get("domains").get(domain);
	}

	@FunctionalInterface
	private interface Reading {

		GatewaySnapshot read() throws Exception;

	}

}
