package ch.mspguard.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text from the data that tries to be a formula, markup or a direction trick stays plain
 * text in the page, the PDF and the CSV.
 */
@IntegrationTest
class HostileTextTests {

	static final String DISPLAY_NAME = "=HYPERLINK(\"http://x\") <script>alert(1)</script> \u200Fעברית\u200F Zürich € 😀";

	static final String EVIDENCE = "@SUM(1+1) <img src=x onerror=alert(1)> ticket “4711” \u202Etxt.exe";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void hostileNamesAndCommentsAreInertInHtmlPdfAndCsv() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		ObjectNode tenant = (ObjectNode) document.get("tenants").get(0);
		tenant.put("name", "-hostile");
		tenant.put("displayName", DISPLAY_NAME);
		UUID id = ReportFixtures.importTenants(this.mvc, this.users, document).get(0);
		this.db.query((jdbc) -> jdbc
			.sql("UPDATE tenant SET mail_server_tls_attested_by = ?, mail_server_tls_evidence = ? WHERE id = ?")
			.params("+41 44 000 00 00 <b>IT</b>", EVIDENCE, id)
			.update());
		MockHttpSession operator = this.users.operatorSession(this.mvc);

		String html = this.mvc.perform(get("/tenants/{id}", id).session(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("=HYPERLINK(&quot;http://x&quot;) &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");

		byte[] pdf = this.mvc.perform(get("/tenants/{id}/report.pdf", id).session(operator).param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Files.write(Path.of("target/hostile-report.pdf"), pdf);
		String text = ReportFixtures.pdfText(pdf);
		assertThat(text).contains("-hostile", "=HYPERLINK(\"http://x\") <script>alert(1)</script>", "Zürich €",
				"@SUM(1+1) <img src=x onerror=alert(1)> ticket “4711”", "+41 44 000 00 00 <b>IT</b>");

		String csv = this.mvc.perform(get("/tenants/{id}/findings.csv", id).session(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'-hostile\",\"'=HYPERLINK(\"\"http://x\"\") <script>");
		List<CSVRecord> records = CsvExportTests.findings(ReportFixtures.csv(csv, ','));
		assertThat(records).isNotEmpty().allSatisfy((record) -> {
			assertThat(record.get(0)).isEqualTo("'-hostile");
			assertThat(record.get(1)).isEqualTo("'" + DISPLAY_NAME);
		});
	}

}
