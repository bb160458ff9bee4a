package ch.mspguard.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exports say when a tenant's data is stale (issue 13): a stale-since column in the
 * findings CSV, a line in the tenant PDF and the summary PDF.
 */
@IntegrationTest
class StaleDataReportTests {

	private static final int CONFIRMED_AT = java.util.Arrays.asList(FindingsCsvWriter.HEADER)
		.indexOf("data_confirmed_at");

	private static final int STALE_SINCE = java.util.Arrays.asList(FindingsCsvWriter.HEADER).indexOf("stale_since");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theCsvAndBothPdfsSayThatTheDataIsStaleUntilTheNextImport() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		UUID acme = ReportFixtures.importTenants(this.mvc, this.users, document).get(0);
		UUID gateway = ReportFixtures.gatewayId(this.mvc, this.users, acme);
		MockHttpSession auditor = this.users.auditorSession(this.mvc);
		List<CSVRecord> fresh = findings(csv(auditor, "/tenants/" + acme + "/findings.csv"));
		assertThat(fresh).isNotEmpty().allMatch((record) -> record.get(STALE_SINCE).isEmpty());
		assertThat(pdf(auditor, "/tenants/" + acme + "/report.pdf")).contains("Data confirmed")
			.doesNotContain("Stale since");

		this.clock.advance(Duration.ofDays(8));
		JsonNode api = ReportFixtures.api(this.mvc, this.users, acme, "en");
		String staleSince = api.get("staleSince").asString();
		String confirmedAt = api.get("dataConfirmedAt").asString();
		assertThat(Instant.parse(staleSince)).isEqualTo(Instant.parse(confirmedAt).plus(Duration.ofDays(7)));

		List<CSVRecord> stale = findings(csv(auditor, "/tenants/" + acme + "/findings.csv"));
		assertThat(stale).hasSameSizeAs(fresh)
			.allMatch((record) -> Instant.parse(record.get(STALE_SINCE)).equals(Instant.parse(staleSince)))
			.allMatch((record) -> Instant.parse(record.get(CONFIRMED_AT)).equals(Instant.parse(confirmedAt)));
		List<CSVRecord> all = findings(csv(auditor, "/reports/findings.csv?gateway=" + gateway));
		assertThat(all).isNotEmpty().allMatch((record) -> !record.get(STALE_SINCE).isEmpty());
		assertThat(pdf(auditor, "/tenants/" + acme + "/report.pdf")).contains("Stale since", "is stale since");
		assertThat(pdf(auditor, "/tenants/" + acme + "/report.pdf?lang=de")).contains("Veraltet seit");
		assertThat(pdf(auditor, "/reports/summary.pdf?gateway=" + gateway)).contains("stale since",
				"Tenants with stale data 2");

		ReportFixtures.importTenants(this.mvc, this.users, document);
		assertThat(findings(csv(auditor, "/tenants/" + acme + "/findings.csv")))
			.allMatch((record) -> record.get(STALE_SINCE).isEmpty());
		assertThat(pdf(auditor, "/reports/summary.pdf?gateway=" + gateway)).contains("Tenants with stale data 0")
			.doesNotContain("stale since");
	}

	private String csv(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session).param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<CSVRecord> findings(String text) throws Exception {
		List<CSVRecord> records = ReportFixtures.csv(text, ',');
		assertThat(records.get(0).toList()).containsExactly(FindingsCsvWriter.HEADER);
		assertThat(records.get(records.size() - 1).get(0)).isEqualTo(FindingsCsvWriter.END);
		return records.subList(1, records.size() - 1);
	}

	private String pdf(MockHttpSession session, String url) throws Exception {
		String language = url.contains("lang=") ? "" : (url.contains("?") ? "&lang=en" : "?lang=en");
		byte[] pdf = this.mvc.perform(get(url + language).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ReportFixtures.normalise(ReportFixtures.pdfText(pdf));
	}

}
