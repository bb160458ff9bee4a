package ch.mspguard.seppmail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.TlsLevel;
import ch.mspguard.gateway.ValidationError;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * What real appliances and tools send (documents in {@code seppmail-real/}): strict where
 * the checklist looks, tolerant elsewhere, and a clear word where a document cannot be
 * read.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RealApplianceDataTests {

	private static final String DOMAINS = "/mailsystem/manageddomain";

	@Autowired
	SeppmailMapping mapping;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void badInformationalValuesBecomeWarningsWithPointersAndTheRestImports() throws IOException {
		ApiConfiguration configuration = map("informational-customer.json", "informational-manageddomain.json");
		assertThat(configuration.warnings()).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(Tuple.tuple("/customer/acme/description", "field.type"),
					Tuple.tuple("/customer/acme/adminEmail", "email.invalid"),
					Tuple.tuple("/customer/acme/admins/2", "email.invalid"),
					Tuple.tuple(DOMAINS + "/acme/0/forwarding/port", "seppmail.port"),
					Tuple.tuple(DOMAINS + "/acme/0/forwarding/noMXLookup", "field.type"),
					Tuple.tuple(DOMAINS + "/acme/0/smarthost/host", "host.invalid"));
		TenantConfig acme = configuration.tenants().get(0);
		assertThat(acme.displayName()).isNull();
		assertThat(acme.adminEmail()).isNull();
		assertThat(acme.applianceAdmins()).containsExactly("admin@local", "ops@acme.ch");
		DomainConfig acmeDomain = acme.domains().get(0);
		assertThat(acmeDomain.tlsLevel()).isEqualTo(TlsLevel.SECURE);
		assertThat(acmeDomain.forwardingHost()).isEqualTo("mail.acme.ch");
		assertThat(acmeDomain.forwardingPort()).isNull();
		assertThat(acmeDomain.noMxLookup()).isNull();
		assertThat(acmeDomain.smarthost()).isNull();
		assertThat(acmeDomain.allowedSendingServers()).extracting(Object::toString).containsExactly("192.0.2.10");
		TenantConfig bravo = configuration.tenants().get(1);
		assertThat(bravo.adminEmail()).isEqualTo("admin@local");
		DomainConfig bravoDomain = bravo.domains().get(0);
		assertThat(bravoDomain.forwardingPort()).isEqualTo(2525);
		assertThat(bravoDomain.noMxLookup()).isTrue();
		assertThat(bravoDomain.smarthost()).isEqualTo("relay.provider.example");
	}

	@Test
	void theValuesTheRulesEvaluateStayStrict() {
		String customers = "{\"acme\": {\"name\": \"acme\", \"description\": 42}}";
		String domains = """
				{"acme": [{"domainName": "acme.ch", "tls": {"level": "se cure!"},
				           "sendingServers": [{"ip": "192.0.2.0", "netmask": 33}]}]}""";
		assertThat(errors(customers, domains)).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(Tuple.tuple(DOMAINS + "/acme/0/tls/level", "tlsLevel.invalid"),
					Tuple.tuple(DOMAINS + "/acme/0/sendingServers/0", "network.prefix.ipv4"));
	}

	@Test
	void theUploadPreviewListsTheWarningsAndTheImportStoresTheRest() throws Exception {
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-informational-" + System.nanoTime();
		String preview = upload(session, gateway, "informational-customer.json", "informational-manageddomain.json",
				null);
		String page = this.mvc.perform(get(preview).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("6 values were not recorded or repaired; the rest is imported",
				"/customer/acme/adminEmail", "“it at acme dot ch” is not a valid e-mail address",
				DOMAINS + "/acme/0/forwarding/port", "“smtp” is not a port", "2 tenants added");
		this.mvc.perform(post(preview + "/apply").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import/history"));
		assertThat(column("SELECT array_to_string(appliance_admins, ' ') FROM tenant t "
				+ "JOIN gateway g ON g.id = t.gateway_id WHERE g.name = ? AND t.name = 'acme'", gateway))
			.isEqualTo("admin@local ops@acme.ch");
		assertThat(column("SELECT d.forwarding_port || ' ' || d.no_mx_lookup || ' ' || d.smarthost "
				+ "FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id WHERE g.name = ? AND d.name = 'bravo.ch'",
				gateway))
			.isEqualTo("2525 true relay.provider.example");
	}

	@Test
	void theDomainPageShowsWhatTheApplianceToldAndTlsOutNamesTheLiteralHost() throws Exception {
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-domain-page-" + System.nanoTime();
		apply(session,
				upload(session, gateway, "informational-customer.json", "informational-manageddomain.json", null));
		UUID[] ids = ids(gateway, "bravo.ch");
		String page = this.mvc.perform(get("/tenants/{t}/domains/{d}", ids[0], ids[1]).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Reported by the appliance", "2525", "yes: delivers to the forwarding host itself",
				"relay.provider.example", "admin@local",
				"the appliance does no MX lookup, so the name checked is the forwarding host 10.1.2.3 itself");
	}

	@Test
	void daneAndUnknownLevelsAreKeptRawShownAndWarnedByTlsOut() throws Exception {
		ApiConfiguration configuration = map("tls-levels-customer.json", "tls-levels-manageddomain.json");
		assertThat(configuration.tenants().get(0).domains())
			.extracting(DomainConfig::tlsLevel, DomainConfig::unknownTlsLevel)
			.containsExactly(Tuple.tuple(null, "dane"), Tuple.tuple(null, "dane-only"),
					Tuple.tuple(null, "quantum-safe"));
		assertThat(configuration.warnings()).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(Tuple.tuple(DOMAINS + "/acme/0/tls/level", "seppmail.tlsLevel.unknown"),
					Tuple.tuple(DOMAINS + "/acme/1/tls/level", "seppmail.tlsLevel.unknown"),
					Tuple.tuple(DOMAINS + "/acme/2/tls/level", "seppmail.tlsLevel.unknown"));

		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-dane-" + System.nanoTime();
		apply(session, upload(session, gateway, "tls-levels-customer.json", "tls-levels-manageddomain.json", null));
		assertThat(
				column("SELECT string_agg(coalesce(tls_level, '-') || '/' || tls_level_unknown, ' ' ORDER BY position) "
						+ "FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id WHERE g.name = ?", gateway))
			.isEqualTo("-/dane -/dane-only -/quantum-safe");
		UUID[] ids = ids(gateway, "acme-shop.ch");
		String page = this.mvc.perform(get("/tenants/{t}/domains/{d}", ids[0], ids[1]).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("dane-only", "TLS level “dane-only” is not known to this checklist version",
				"dane-only requires them and defers mail");
	}

	@Test
	void customerNamesThatDifferOnlyInCaseGetAMessageNamingBoth() {
		String customers = "{\"Acme\": {\"name\": \"Acme\"}, \"acme\": {\"name\": \"acme\"}}";
		List<ValidationError> errors = errors(customers, "{}");
		assertThat(errors).extracting(ValidationError::path, ValidationError::code, ValidationError::args)
			.containsExactly(Tuple.tuple("/customer/acme/name", "tenant.duplicateCase",
					List.of("acme", "/customer/Acme/name", "Acme")));
	}

	@Test
	void powerShellListsOfCustomersAndOfDomainsNamingTheirCustomerAreRead() throws IOException {
		ApiConfiguration configuration = map("powershell-customers.json", "powershell-domains-with-customer.json");
		assertThat(configuration.tenants())
			.extracting(TenantConfig::name, TenantConfig::displayName, TenantConfig::adminEmail)
			.containsExactly(Tuple.tuple("acme", "ACME AG", "admin@local"),
					Tuple.tuple("bravo", "Bravo GmbH", "it@bravo.ch"));
		assertThat(configuration.tenants().get(1).domains()).extracting(DomainConfig::name, DomainConfig::tlsLevel)
			.containsExactly(Tuple.tuple("bravo.ch", TlsLevel.VERIFY));
		assertThat(map("powershell-customers-wrapped.json", "powershell-domains-with-customer.json").tenants())
			.extracting(TenantConfig::name)
			.containsExactly("acme", "bravo");
	}

	@Test
	void domainsWithoutTheirCustomerNeedTheOperatorToNameIt() throws Exception {
		List<ValidationError> errors = assertThatExceptionOfType(SnapshotInvalidException.class)
			.isThrownBy(() -> map("powershell-customers.json", "powershell-domains-without-customer.json"))
			.actual()
			.errors();
		assertThat(errors).extracting(ValidationError::code, ValidationError::args)
			.containsExactly(Tuple.tuple("seppmail.powershell.domainsNoCustomer", List.of(2, 2)));

		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-powershell-" + System.nanoTime();
		this.mvc
			.perform(multipart("/import/seppmail/upload").file(file("customers", "powershell-customers.json"))
				.file(file("domains", "powershell-domains-without-customer.json"))
				.param("gateway", gateway)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/import"));
		String page = this.mvc.perform(get("/import").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Recognised a list of 2 managed domains without the customer key",
				"Name the customer in the upload form", "ConvertTo-Json -Depth 10", "such as “@{host=…}”");

		String preview = upload(session, gateway, "powershell-customers.json",
				"powershell-domains-without-customer.json", "acme");
		String previewPage = this.mvc.perform(get(preview).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(previewPage).contains("2 domains added", "acme-shop.ch");
	}

	@Test
	void shallowConvertToJsonOutputIsExplained() {
		List<ValidationError> errors = assertThatExceptionOfType(SnapshotInvalidException.class)
			.isThrownBy(() -> map("tls-levels-customer.json", "powershell-domains-shallow.json"))
			.actual()
			.errors();
		assertThat(errors).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(Tuple.tuple(DOMAINS + "/acme/0/forwarding", "seppmail.powershell.shallow"),
					Tuple.tuple(DOMAINS + "/acme/0/tls", "seppmail.powershell.shallow"),
					Tuple.tuple(DOMAINS + "/acme/0/sendingServers", "seppmail.powershell.shallow"));
	}

	@Test
	void textMisDecodedAsLatin1IsRepairedWhenUnambiguousAndReportedOtherwise() throws IOException {
		ApiConfiguration configuration = map("latin1-customer.json", "latin1-manageddomain.json");
		assertThat(configuration.tenants()).extracting(TenantConfig::displayName)
			.containsExactly("Müller AG, Zürich", "Preis 5 â‚¬, ZÃ¼rich");
		assertThat(configuration.warnings()).extracting(ValidationError::path, ValidationError::code)
			.containsExactly(Tuple.tuple("/customer/mueller/description", "seppmail.text.repaired"),
					Tuple.tuple("/customer/preis/description", "seppmail.text.misdecoded"));
	}

	@Test
	void secretsOfTheAnswerReachNeitherTheDatabaseNorTheLogNorThePreview(CapturedOutput output) throws Exception {
		String bindPassword = "LdapBind-Issue19-N3verStored!";
		String dkimKey = "MIIEvDkimIssue19SecretNeverStored";
		assertThat(new String(resource("secrets-manageddomain.json"), java.nio.charset.StandardCharsets.UTF_8))
			.contains(bindPassword, dkimKey);
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String gateway = "gw-secrets-" + System.nanoTime();
		String preview = upload(session, gateway, "secrets-customer.json", "secrets-manageddomain.json", null);
		String page = this.mvc.perform(get(preview).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("1 tenant").doesNotContain(bindPassword, dkimKey, "cn=seppmail");
		apply(session, preview);
		assertThat(column("SELECT d.forwarding_port || ' ' || d.no_mx_lookup FROM managed_domain d "
				+ "JOIN gateway g ON g.id = d.gateway_id WHERE g.name = ?", gateway))
			.isEqualTo("25 false");
		List<String> tables = this.db.query((jdbc) -> jdbc
			.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND has_table_privilege(current_user, "
					+ "quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT')")
			.query(String.class)
			.list());
		assertThat(tables).contains("managed_domain", "tenant", "import_history", "evaluation", "seppmail_endpoint");
		for (String table : tables) {
			long hits = this.db.count("SELECT count(*) FROM \"" + table + "\" x WHERE x::text LIKE ? OR x::text LIKE ?",
					"%" + bindPassword + "%", "%" + dkimKey + "%");
			assertThat(hits).as(table).isZero();
		}
		assertThat(output.getAll()).doesNotContain(bindPassword, dkimKey);
	}

	private ApiConfiguration map(String customers, String domains) throws IOException {
		return this.mapping.map(resource(customers), resource(domains));
	}

	private List<ValidationError> errors(String customers, String domains) {
		return assertThatExceptionOfType(SnapshotInvalidException.class)
			.isThrownBy(() -> this.mapping.map(customers.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					domains.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.actual()
			.errors();
	}

	private String upload(MockHttpSession session, String gateway, String customers, String domains, String customer)
			throws Exception {
		var request = multipart("/import/seppmail/upload").file(file("customers", customers))
			.file(file("domains", domains))
			.param("gateway", gateway);
		if (customer != null) {
			request.param("customer", customer);
		}
		return this.mvc.perform(request.session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/import/preview/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private void apply(MockHttpSession session, String preview) throws Exception {
		this.mvc.perform(post(preview + "/apply").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import/history"));
	}

	/** Tenant id and domain id of a domain of the gateway. */
	private UUID[] ids(String gateway, String domain) {
		return this.db.query((jdbc) -> jdbc
			.sql("SELECT d.tenant_id, d.id FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id "
					+ "WHERE g.name = ? AND d.name = ?")
			.params(gateway, domain)
			.query((rs, row) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.single());
	}

	private String column(String sql, Object... params) {
		return this.db.query((jdbc) -> jdbc.sql(sql).params(params).query(String.class).single());
	}

	private static MockMultipartFile file(String part, String name) throws IOException {
		return new MockMultipartFile(part, name, "application/json", resource(name));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = new ClassPathResource("seppmail-real/" + name).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
