package ch.mspguard.seppmail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.TlsLevel;
import ch.mspguard.gateway.UnassignedTenants;
import ch.mspguard.gateway.ValidationError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Reading the appliance's responses: tolerant of how they are written, strict about what
 * they say.
 */
@IntegrationTest
class SeppmailMappingTests {

	@Autowired
	SeppmailMapping mapping;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void theStandardResponsesBecomeTenantsWithTheirDomains() {
		ApplianceData data = ApplianceData.standard();
		List<TenantConfig> tenants = this.mapping.map(data.customersJson(), data.domainsJson()).tenants();
		assertThat(tenants).extracting(TenantConfig::name).containsExactly("acme", "bravo", UnassignedTenants.NONE);
		TenantConfig acme = tenants.get(0);
		assertThat(acme.displayName()).isEqualTo("ACME AG");
		assertThat(acme.adminEmail()).isEqualTo("it@acme.ch");
		assertThat(acme.mailServerTls()).isNull();
		DomainConfig shop = acme.domains().get(1);
		assertThat(shop.tlsLevel()).isEqualTo(TlsLevel.FINGERPRINT);
		assertThat(shop.tlsFingerprints()).extracting(Object::toString).containsExactly(ApplianceData.SHA256);
		assertThat(shop.allowedSendingServers()).extracting(Object::toString)
			.containsExactly("192.0.2.5", "2001:db8:1::25");
		assertThat(shop.headerCheck().name()).isEqualTo("X-Acme-Relay");
		assertThat(shop.headerCheck().valueHash()).doesNotContain(ApplianceData.HEADER_VALUE);
		assertThat(acme.domains().get(0).exchangeOnlineTenantId()).hasToString(ApplianceData.EXO_TENANT.toLowerCase());
		assertThat(tenants.get(2).displayName()).isEqualTo("[none]");
	}

	@Test
	void seppmailsOwnExamplesAreReadDespiteTheirQuirks() throws IOException {
		JsonNode api;
		try (InputStream in = new ClassPathResource(SeppmailApiSchema.LOCATION).getInputStream()) {
			api = YAMLMapper.builder().build().readTree(in);
		}
		JsonNode customers = api
			.at("/paths/~1customer/get/responses/200/content/application~1json/schema/oneOf/0/example");
		JsonNode domains = api
			.at("/paths/~1mailsystem~1manageddomain/get/responses/200/content/application~1json/examples/object/value");
		// maximumEncryptionLicenses: '' and requestedheader in lower case, as SEPPmail's
		// examples have them
		assertThat(customers.get("Customer1").get("maximumEncryptionLicenses").asString()).isEmpty();
		List<TenantConfig> tenants = this.mapping.map(customers, (ObjectNode) domains).tenants();
		assertThat(tenants).extracting(TenantConfig::name)
			.containsExactly("Customer1", "CustomerName1", "CustomerName2");
		DomainConfig first = tenants.get(1).domains().get(0);
		assertThat(first.headerCheck().name()).isEqualTo("header");
		assertThat(tenants.get(1).domains().get(1).allowedSendingServers()).extracting(Object::toString)
			.containsExactly("10.20.30.0/24", "2001:db8:1234::/48");
		assertThat(tenants.get(2).domains().get(0).exchangeOnlineTenantId()).isNotNull();
	}

	@Test
	void fieldNamesInAnyCaseEmptyStringsAndNumbersAsTextAreUnderstood() {
		String customers = "{\"acme\": {\"Name\": \"acme\", \"DESCRIPTION\": \"\", \"adminemail\": \"\"}}";
		String domains = """
				{"acme": [{"DomainName": "Acme.CH", "Forwarding": {"Host": ""}, "TLS": {"Level": "SECURE", "fingerprints": ""},
				  "sendingservers": [{"IP": "203.0.113.77", "Netmask": "24"}, {"ip": "2001:db8::1", "prefix": ""},
				                     {"ip": "192.0.2.9", "netmask": ""}],
				  "requestedtenantid": "", "requestedheader": ""}]}""";
		TenantConfig acme = this.mapping.map(bytes(customers), bytes(domains)).tenants().get(0);
		assertThat(acme.displayName()).isNull();
		assertThat(acme.adminEmail()).isNull();
		DomainConfig domain = acme.domains().get(0);
		assertThat(domain.name()).isEqualTo("acme.ch");
		assertThat(domain.forwardingHost()).isNull();
		assertThat(domain.tlsLevel()).isEqualTo(TlsLevel.SECURE);
		assertThat(domain.allowedSendingServers()).extracting(Object::toString)
			.containsExactly("203.0.113.0/24", "2001:db8::1", "192.0.2.9");
		assertThat(domain.headerCheck()).isNull();
		assertThat(domain.exchangeOnlineTenantId()).isNull();
	}

	@Test
	void textInIso88591OrWithAByteOrderMarkIsDecoded() {
		String customers = "{\"mueller\": {\"name\": \"mueller\", \"description\": \"Müller & Söhne AG\"}}";
		String domains = "{\"mueller\": [{\"domainName\": \"mueller.ch\"}]}";
		byte[] latin1 = customers.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(this.mapping.map(latin1, bytes(domains)).tenants().get(0).displayName())
			.isEqualTo("Müller & Söhne AG");
		byte[] bom = new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = concat(bom, bytes(customers));
		assertThat(this.mapping.map(utf8, bytes(domains)).tenants().get(0).displayName())
			.isEqualTo("Müller & Söhne AG");
		byte[] utf16 = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, customers.getBytes(StandardCharsets.UTF_16LE));
		assertThat(this.mapping.map(utf16, bytes(domains)).tenants().get(0).displayName())
			.isEqualTo("Müller & Söhne AG");
	}

	@Test
	void builtInCustomersBecomeReservedTenantsAndRealCustomersCannotTakeTheirNames() {
		String customers = "{\"[default]\": {\"name\": \"[default]\"}, \"__none__\": {\"name\": \"__none__\"}}";
		String domains = "{\"[DEFAULT]\": [{\"domainName\": \"left.ch\"}], \"[none]\": [{\"domainName\": \"orphan.ch\"}]}";
		List<ValidationError> errors = errors(customers, domains);
		assertThat(errors).extracting(ValidationError::path).containsExactly("/customer/__none__/name");
		assertThat(errors.get(0).code()).isEqualTo("seppmail.customer.reserved");

		List<TenantConfig> tenants = this.mapping
			.map(bytes("{\"[default]\": {\"name\": \"[default]\"}}"), bytes(domains))
			.tenants();
		assertThat(tenants).extracting(TenantConfig::name)
			.containsExactly(UnassignedTenants.DEFAULT, UnassignedTenants.NONE);
		assertThat(tenants).extracting(TenantConfig::displayName).containsExactly("[default]", "[none]");
	}

	@Test
	void everyProblemIsReportedWithItsPointerAndTheSameRulesAsASnapshot() {
		// An invalid admin e-mail is informational: a warning, not an error (issue 19).
		String customers = "{\"acme\": {\"name\": \"acme\", \"adminEmail\": \"not-an-address\"}, "
				+ "\"bad name\": {\"name\": \"bad name\"}}";
		String domains = """
				{"acme": [{"domainName": "acme.ch", "tls": {"level": "st rict", "fingerprints": ["AB:CD"]},
				           "sendingServers": [{"ip": "192.0.2.0", "netmask": 33}, {"netmask": 24}],
				           "requestedHeader": "no colon", "requestedTenantID": "not-a-uuid"},
				          {"domainName": "ACME.ch"}]}""";
		assertThat(errors(customers, domains)).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/customer/bad name/name", "tenant.name.invalid"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/tls/level",
							"tlsLevel.invalid"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/tls/fingerprints/0",
							"fingerprint.length"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/sendingServers/0",
							"network.prefix.ipv4"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/sendingServers/1/ip",
							"field.required"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/requestedHeader",
							"headerCheck.format"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/0/requestedTenantID",
							"uuid.invalid"),
					org.assertj.core.groups.Tuple.tuple("/mailsystem/manageddomain/acme/1/domainName",
							"domain.duplicate"));
	}

	@Test
	void listModeResponsesAreRefusedWithAClearMessage() {
		assertThat(errors("[\"acme\"]", "{\"acme\": [\"acme.ch\"]}")).extracting(ValidationError::code)
			.containsExactly("seppmail.customers.listOnly", "seppmail.domains.listOnly");
	}

	@Test
	void theTwoUploadedResponsesLeadToAPreviewOfANewGateway() throws Exception {
		ApplianceData data = ApplianceData.standard();
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-upload-" + System.nanoTime();
		String preview = this.mvc
			.perform(multipart("/import/seppmail/upload")
				.file(new MockMultipartFile("customers", "customer.json", "application/json", data.customersJson()))
				.file(new MockMultipartFile("domains", "manageddomain.json", "application/json", data.domainsJson()))
				.param("gateway", gateway)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/import/preview/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = this.mvc.perform(get(preview).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("new gateway", "3 tenants added", "6 domains added", "customer.json");
		this.mvc.perform(post(preview + "/apply").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import/history"));
		assertThat(this.db.count(
				"SELECT count(*) FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id " + "WHERE g.name = ?",
				gateway))
			.isEqualTo(6);
		assertThat(
				this.db.count(
						"SELECT count(*) FROM import_history WHERE gateway_name = ? "
								+ "AND source = 'seppmail-upload' AND origin = 'customer.json, manageddomain.json'",
						gateway))
			.isEqualTo(1);
	}

	@Test
	void anInvalidUploadGoesBackToTheImportPageWithItsErrors() throws Exception {
		MockHttpSession session = this.users.operatorSession(this.mvc);
		this.mvc
			.perform(multipart("/import/seppmail/upload")
				.file(new MockMultipartFile("customers", "customer.json", "application/json", bytes("[\"acme\"]")))
				.file(new MockMultipartFile("domains", "manageddomain.json", "application/json", bytes("{}")))
				.param("gateway", "gw-never")
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/import"));
		String page = this.mvc.perform(get("/import").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("list of customer names (list=true)");
		assertThat(this.db.count("SELECT count(*) FROM gateway WHERE name = 'gw-never'")).isZero();
	}

	private List<ValidationError> errors(String customers, String domains) {
		return assertThatExceptionOfType(SnapshotInvalidException.class)
			.isThrownBy(() -> this.mapping.map(bytes(customers), bytes(domains)))
			.actual()
			.errors();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
