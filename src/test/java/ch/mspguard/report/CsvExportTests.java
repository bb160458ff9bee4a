package ch.mspguard.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.checklist.Catalogue;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CsvExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Autowired
	ExportAuditEvents audit;

	@Autowired
	ExportSlots slots;

	@Autowired
	FindingRows rows;

	@Test
	void tenantCsvParsesBackToTheFindingsOfTheApi() throws Exception {
		UUID acme = ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json")).get(0);
		MockHttpServletResponse response = this.mvc
			.perform(get("/tenants/{id}/findings.csv", acme).session(this.users.auditorSession(this.mvc))
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", containsString("findings-acme-")))
			.andReturn()
			.getResponse();
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).doesNotStartWith("\uFEFF").contains("\r\n");

		assertSameFindings(findings(ReportFixtures.csv(text, ',')),
				ReportFixtures.api(this.mvc, this.users, acme, "en"));
	}

	@Test
	void tenantAdminsGetTheirOwnFindingsWithoutTheOperatorsDetails() throws Exception {
		UUID acme = ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json")).get(0);
		String text = this.mvc
			.perform(get("/tenants/{id}/findings.csv", acme).session(this.users.tenantAdminSession(this.mvc, acme)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode api = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/tenants/{id}", acme).with(this.users.tenantAdmin(acme)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));

		assertSameFindings(findings(ReportFixtures.csv(text, ',')), api);
		assertThat(ReportFixtures.api(this.mvc, this.users, acme, "en").toString()).contains("40.92.0.0/15");
		assertThat(text).doesNotContain("40.92.0.0/15");
	}

	@Test
	void excelDialectHasSemicolonsAndAByteOrderMarkAndTheSameFindings() throws Exception {
		UUID bravo = ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json")).get(1);
		byte[] bytes = this.mvc
			.perform(get("/tenants/{id}/findings.csv", bravo).session(this.users.operatorSession(this.mvc))
				.param("dialect", "excel")
				.param("lang", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\"tenant\";\"tenant_display_name\";");

		assertSameFindings(findings(ReportFixtures.csv(text, ';')),
				ReportFixtures.api(this.mvc, this.users, bravo, "de"));
		JsonNode event = this.audit.latest(AuditAction.EXPORT_TENANT_CSV.name(), bravo.toString());
		assertThat(event.get("actor").asString()).isEqualTo(TestUsers.OPERATOR);
		assertThat(event.get("format").asString()).isEqualTo("csv");
		assertThat(event.get("dialect").asString()).isEqualTo("excel");
		assertThat(event.get("language").asString()).isEqualTo("de");
		assertThat(event.get("complete").asBoolean()).isTrue();
		assertThat(event.get("rows").asLong()).isEqualTo(findings(ReportFixtures.csv(text, ';')).size());
	}

	@Test
	void allTenantCsvAppliesTheOverviewsFilters() throws Exception {
		List<UUID> tenants = ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json"));
		ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json"));
		UUID gateway = ReportFixtures.gatewayId(this.mvc, this.users, tenants.get(0));
		String gatewayName = ReportFixtures.api(this.mvc, this.users, tenants.get(0), "en").get("gateway").asString();
		MockHttpSession session = this.users.auditorSession(this.mvc);

		List<CSVRecord> all = findings(allTenants(session, "gateway", gateway.toString()));
		assertThat(all).allMatch((record) -> record.get(2).equals(gatewayName));
		assertThat(tenantsOf(all)).containsExactly("acme", "bravo");
		long expected = 0;
		for (UUID tenant : tenants) {
			expected += ReportFixtures.api(this.mvc, this.users, tenant, "en").get("findings").size();
		}
		assertThat(all).hasSize((int) expected);

		assertThat(tenantsOf(findings(allTenants(session, "gateway", gateway.toString(), "rule", "TLS-OUT"))))
			.containsExactly("bravo");
		List<CSVRecord> none = allTenants(session, "gateway", gateway.toString(), "light", "GREEN");
		assertThat(none).hasSize(2);
		assertThat(none.get(1).toList()).containsExactly(FindingsCsvWriter.END, "0");
		JsonNode event = this.audit.latest(AuditAction.EXPORT_FINDINGS_CSV.name(), "all");
		assertThat(event.get("filter").get("light").asString()).isEqualTo("GREEN");
		assertThat(event.get("filter").get("gateway").asString()).isEqualTo(gateway.toString());
		assertThat(event.get("rows").asLong()).isZero();
	}

	@Test
	void aFailureMidStreamLeavesAFileWhoseLastLineSaysItIsIncomplete() throws Exception {
		List<UUID> tenants = ReportFixtures.importTenants(this.mvc, this.users, TestSnapshots.load("two-tenants.json"));
		UUID gateway = ReportFixtures.gatewayId(this.mvc, this.users, tenants.get(0));
		this.db.query((jdbc) -> jdbc.sql("""
				UPDATE tenant_evaluation SET findings = jsonb_set(findings, '{0,rule}', '"NO-SUCH-RULE"')
				WHERE tenant_id = ?""").param(tenants.get(1)).update());

		String text = this.mvc
			.perform(get("/reports/findings.csv").session(this.users.operatorSession(this.mvc))
				.param("gateway", gateway.toString()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> records = ReportFixtures.csv(text, ',');

		CSVRecord last = records.get(records.size() - 1);
		assertThat(last.get(0)).isEqualTo(FindingsCsvWriter.INCOMPLETE);
		assertThat(last.get(2)).contains("incomplete");
		assertThat(records).noneMatch((record) -> record.get(0).equals(FindingsCsvWriter.END));
		assertThat(Long.parseLong(last.get(1))).isEqualTo(records.size() - 2)
			.isEqualTo(ReportFixtures.api(this.mvc, this.users, tenants.get(0), "en").get("findings").size());
		JsonNode event = this.audit.latest(AuditAction.EXPORT_FINDINGS_CSV.name(), "all");
		assertThat(event.get("complete").asBoolean()).isFalse();
	}

	@Test
	void anExportBeyondTheConcurrencyBoundIsRefusedWithRetryAfter() throws Exception {
		MockHttpSession session = this.users.auditorSession(this.mvc);
		try (ExportSlots.Slot first = this.slots.large(); ExportSlots.Slot second = this.slots.large()) {
			this.mvc.perform(get("/reports/findings.csv").session(session).param("lang", "en"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(content().string(containsString("Please try again in 30 seconds")));
			this.mvc.perform(get("/reports/summary.pdf").session(session)).andExpect(status().isServiceUnavailable());
		}
		this.mvc.perform(get("/reports/summary.pdf").session(session)).andExpect(status().isOk());
	}

	@Test
	void anExportPastItsDeadlineStops() {
		assertThatThrownBy(() -> ExportAuditEvents.asOperator(() -> {
			this.rows.stream(null, ExportFilter.NONE, Locale.ENGLISH, System.nanoTime() - 1, (row) -> {
			});
			return null;
		})).isInstanceOf(ExportTimeLimitException.class);
	}

	private List<CSVRecord> allTenants(MockHttpSession session, String... parameters) throws Exception {
		var request = get("/reports/findings.csv").session(session);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return ReportFixtures.csv(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8), ',');
	}

	/**
	 * The finding records: without the header, and checked to end with the end marker.
	 */
	static List<CSVRecord> findings(List<CSVRecord> records) {
		assertThat(records.get(0).toList()).containsExactly(FindingsCsvWriter.HEADER);
		CSVRecord last = records.get(records.size() - 1);
		assertThat(last.toList()).containsExactly(FindingsCsvWriter.END, Integer.toString(records.size() - 2));
		return records.subList(1, records.size() - 1);
	}

	private static Set<String> tenantsOf(List<CSVRecord> records) {
		return records.stream().map((record) -> record.get(0)).collect(Collectors.toCollection(TreeSet::new));
	}

	static void assertSameFindings(List<CSVRecord> records, JsonNode api) {
		JsonNode findings = api.get("findings");
		assertThat(records).hasSize(findings.size());
		for (int i = 0; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			JsonNode finding = findings.get(i);
			String domain = finding.get("domain").isNull() ? "" : finding.get("domain").asString();
			String ruleId = finding.get("ruleId").asString();
			assertThat(record.toList()).containsExactly(api.get("name").asString(), api.get("displayName").asString(),
					api.get("gateway").asString(), finding.get("scope").asString(), domain, ruleId,
					Catalogue.rule(ruleId).orElseThrow().severity().name(), finding.get("outcome").asString(),
					finding.get("message").asString(), finding.get("remediation").asString(),
					api.get("evaluationId").asString(), record.get(11), record.get(12), staleSince(api),
					exception(finding, "id"), exception(finding, "state"), record.get(16),
					exception(finding, "expiresOn"));
			assertThat(Instant.parse(record.get(11))).isEqualTo(Instant.parse(api.get("evaluatedAt").asString()));
			assertThat(Instant.parse(record.get(12))).isEqualTo(Instant.parse(api.get("dataConfirmedAt").asString()));
		}
	}

	/** The stale-since cell as the API's data age has it (empty when not stale). */
	private static String staleSince(JsonNode api) {
		return api.get("staleSince").isNull() ? "" : api.get("staleSince").asString();
	}

	/**
	 * Issue 14: the covering exception's value as the findings API gives it, or empty.
	 */
	private static String exception(JsonNode finding, String field) {
		return finding.has("exception") ? finding.get("exception").get(field).asString() : "";
	}

}
