package ch.mspguard.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports fixtures and reads exports back: PDF as text (PDFBox), CSV as records.
 */
final class ReportFixtures {

	private ReportFixtures() {
	}

	/** Imports the document and answers the tenants' ids in document order. */
	static List<UUID> importTenants(MockMvc mvc, TestUsers users, ObjectNode document) throws Exception {
		String body = mvc
			.perform(post("/api/snapshots").with(users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<UUID> ids = new ArrayList<>();
		for (JsonNode tenant : TestSnapshots.JSON.readTree(body).get("tenants")) {
			ids.add(UUID.fromString(tenant.get("id").asString()));
		}
		return ids;
	}

	static UUID gatewayId(MockMvc mvc, TestUsers users, UUID tenantId) throws Exception {
		return UUID.fromString(api(mvc, users, tenantId, "en").get("gatewayId").asString());
	}

	/** {@code GET /api/tenants/{id}} as the operator. */
	static JsonNode api(MockMvc mvc, TestUsers users, UUID tenantId, String lang) throws Exception {
		return TestSnapshots.JSON.readTree(
				mvc.perform(get("/api/tenants/{id}", tenantId).with(users.operator()).header("Accept-Language", lang))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	/**
	 * The PDF's text with all white space (line breaks included) collapsed to one space.
	 */
	static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return normalise(new PDFTextStripper().getText(document));
		}
	}

	static int pages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	static String normalise(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	/**
	 * The text without any white space, for finding a long text that the PDF may have
	 * wrapped anywhere (even inside an address list).
	 */
	static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}

	static List<CSVRecord> csv(String text, char delimiter) throws IOException {
		return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text)).getRecords();
	}

}
