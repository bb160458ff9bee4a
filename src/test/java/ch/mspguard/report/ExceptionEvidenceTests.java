package ch.mspguard.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence for auditors (issue 14): a covered finding says in the findings CSV which
 * exception covers it, who approved it and until when; the tenant PDF has an exceptions
 * appendix with what each exception was bound to; the exceptions CSV lists only the
 * tenants the reader may see.
 */
@IntegrationTest
class ExceptionEvidenceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	UUID acme;

	UUID bravo;

	String exceptionId;

	@BeforeEach
	void approvedExceptionForAcme() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		((ObjectNode) document.get("tenants").get(0).get("domains").get(1)).put("tlsLevel", "encrypt");
		List<UUID> tenants = ReportFixtures.importTenants(this.mvc, this.users, document);
		this.acme = tenants.get(0);
		this.bravo = tenants.get(1);
		String created = this.mvc.perform(post("/api/exceptions").with(this.users.tenantAdmin(this.acme))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ruleId":"TLS-OUT","tenantId":"%s","domain":"acme-shop.example","category":"COMPENSATING_CONTROL",
					 "reason":"Partner relay on a private link","compensatingControl":"Dedicated MPLS line",
					 "expiresOn":"%s"}""".formatted(this.acme, LocalDate.now(ZoneOffset.UTC).plusMonths(2))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.exceptionId = TestSnapshots.JSON.readTree(created).get("id").asString();
		this.mvc
			.perform(post("/api/exceptions/" + this.exceptionId + "/approve").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"checked the line\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void theFindingsCsvNamesTheExceptionItsApproverAndExpiry() throws Exception {
		String text = this.mvc.perform(get("/api/tenants/" + this.acme + "/findings.csv").with(this.users.auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<CSVRecord> records = ReportFixtures.csv(text, ',');
		assertThat(records.get(0).toList()).containsSubsequence("exception_id", "exception_state", "exception_approver",
				"exception_expires_on");
		CSVRecord covered = records.stream()
			.filter((r) -> r.size() > 12 && "TLS-OUT".equals(r.get(5)) && "acme-shop.example".equals(r.get(4)))
			.findFirst()
			.orElseThrow();
		assertThat(covered.get(7)).isEqualTo("FAIL");
		assertThat(covered.get(column("exception_id"))).isEqualTo(this.exceptionId);
		assertThat(covered.get(column("exception_state"))).isEqualTo("ACTIVE");
		assertThat(covered.get(column("exception_approver"))).isEqualTo(TestUsers.OPERATOR);
		assertThat(covered.get(column("exception_expires_on")))
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString());
	}

	@Test
	void theTenantPdfHasAnExceptionsAppendix() throws Exception {
		byte[] pdf = this.mvc
			.perform(get("/api/tenants/" + this.acme + "/report.pdf").param("lang", "en").with(this.users.auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = ReportFixtures.pdfText(pdf);
		assertThat(text).contains("Appendix: exceptions")
			.contains("Partner relay on a private link")
			.contains("Dedicated MPLS line")
			.contains("checklist version 1")
			.contains("[encrypt]")
			.contains("accepted until");
	}

	@Test
	void theExceptionsPdfListsOnlyTheTenantsTheReaderMaySee() throws Exception {
		String own = ReportFixtures.pdfText(this.mvc
			.perform(get("/exceptions.pdf").param("lang", "de")
				.session(this.users.tenantAdminSession(this.mvc, this.acme)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(own).contains("Ausnahmen aller sichtbaren Mandanten").contains("Dedicated MPLS line");
		String foreign = ReportFixtures.pdfText(this.mvc
			.perform(get("/exceptions.pdf").param("lang", "de")
				.session(this.users.tenantAdminSession(this.mvc, this.bravo)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(foreign).doesNotContain("Dedicated MPLS line");
	}

	@Test
	void theExceptionsCsvListsOnlyTheTenantsTheReaderMaySee() throws Exception {
		String own = this.mvc
			.perform(get("/exceptions.csv").session(this.users.tenantAdminSession(this.mvc, this.acme)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(own).contains(this.exceptionId).contains("Dedicated MPLS line").contains("acme-shop.example FAIL");
		String foreign = this.mvc
			.perform(get("/exceptions.csv").session(this.users.tenantAdminSession(this.mvc, this.bravo)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(foreign).doesNotContain(this.exceptionId);
		assertThat(ReportFixtures.csv(foreign, ',').get(0).toList()).containsExactly(ExceptionsCsvController.HEADER);
	}

	/** The findings CSV's column of that name. */
	private static int column(String name) {
		return java.util.Arrays.asList(FindingsCsvWriter.HEADER).indexOf(name);
	}

}
