package ch.mspguard.checklist;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ReferenceDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	MockHttpSession operator;

	String gatewayName;

	@AfterEach
	void restoreTheChecklistsRanges() throws Exception {
		String original = """
				[{"id": 10, "serviceArea": "Exchange", "urls": ["*.mail.protection.outlook.com"], "tcpPorts": "25",
				  "ips": ["40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400::/48",
				          "2a01:111:f403::/48"]}]""";
		replace("2022072800", original.getBytes());
	}

	@Test
	void anUploadedListReplacesTheRangesAndReevaluatesPureExchangeOnlineGateways() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		UUID gateway = importPureExchangeOnline();
		assertThat(exoPort25(gateway)).isEqualTo("PASS");

		byte[] endpoints = new ClassPathResource("endpoints/exchange-2026.json").getContentAsByteArray();
		String preview = preview("2026090100", endpoints);
		String previewPage = page(preview);
		assertThat(previewPage).contains("Version 2022072800 → 2026090100", "3 ranges removed", "40.107.0.0/16",
				"104.47.0.0/17", "2a01:111:f403::/48", "No range added", "data-gateway=\"" + this.gatewayName + "\"");
		assertThat(exoPort25(gateway)).as("nothing changes before apply").isEqualTo("PASS");
		apply(preview, false);

		assertThat(exoPort25(gateway)).isEqualTo("FAIL");
		String page = this.mvc.perform(get("/reference-data").session(this.operator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2026090100", "52.100.0.0/14").doesNotContain("104.47.0.0/17");
	}

	@Test
	void aDocumentWithoutTheMailProtectionRecordIsRejectedAndChangesNothing() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		String page = upload("2026090100",
				"[{\"id\": 1, \"serviceArea\": \"Exchange\", \"urls\": [\"outlook.office.com\"], \"tcpPorts\": \"443\", \"ips\": [\"13.107.6.152/31\"]}]"
					.getBytes())
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("no record of service area Exchange for *.mail.protection.outlook.com")
			.contains("2022072800");
		assertThat(upload("2026090100", "{\"not\": \"an array\"}".getBytes()).andReturn()
			.getResponse()
			.getContentAsString()).contains("must be the JSON array");
	}

	@Test
	void aListWithoutIpv6IsRefusedUnlessTheOperatorConfirmsItKnowingly() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		byte[] endpoints = new ClassPathResource("endpoints/exchange-no-ipv6.json").getContentAsByteArray();
		String preview = preview("2026100100", endpoints);
		assertThat(page(preview)).contains("This list has no IPv6 range.", "2a01:111:f400::/48",
				"I know this list has no IPv6 range");
		String refused = this.mvc.perform(post(preview + "/apply").session(this.operator).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("The list has no IPv6 range: confirm");
		assertThat(page("/reference-data")).contains("2022072800").doesNotContain("2026100100");
		apply(preview, true);
		assertThat(page("/reference-data")).contains("2026100100", "52.100.0.0/14")
			.doesNotContain("2a01:111:f400::/48");
	}

	@Test
	void recordsAreFoundByTheNewMailProtectionNameAndPortsListedWithOthers() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		byte[] endpoints = new ClassPathResource("endpoints/exchange-mx-microsoft-only.json").getContentAsByteArray();
		String preview = preview("2026110100", endpoints);
		assertThat(page(preview)).contains("1 range added", "2a01:111:f404::/48", "No range removed");
		this.mvc.perform(post(preview + "/discard").session(this.operator).with(csrf()))
			.andExpect(redirectedUrl("/reference-data"));
		assertThat(page("/reference-data")).contains("2022072800", "refused").doesNotContain("2a01:111:f404::/48");
	}

	@Test
	void thePageShowsTheAgeOfTheRangesAndWarnsAfterNinetyDays() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		assertThat(page("/reference-data")).contains("days old (since 2022-07-28)",
				"Microsoft updates the list monthly");
	}

	@Test
	void auditorsSeeTheRangesButCannotReplaceThem() throws Exception {
		this.operator = this.users.operatorSession(this.mvc);
		MockHttpSession auditor = this.users.auditorSession(this.mvc);
		this.mvc.perform(get("/reference-data").session(auditor)).andExpect(status().isOk());
		this.mvc
			.perform(multipart("/reference-data")
				.file(new MockMultipartFile("file", "x.json", "application/json", "[]".getBytes()))
				.param("version", "1")
				.session(auditor)
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	/** Uploads, checks the preview page's address and returns it. */
	private String preview(String version, byte[] content) throws Exception {
		return upload(version, content).andExpect(redirectedUrlPattern("/reference-data/preview/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private void apply(String preview, boolean confirmNoIpv6) throws Exception {
		this.mvc
			.perform(post(preview + "/apply").param("confirmNoIpv6", String.valueOf(confirmNoIpv6))
				.session(this.operator)
				.with(csrf()))
			.andExpect(redirectedUrl("/reference-data"));
	}

	private void replace(String version, byte[] content) throws Exception {
		apply(preview(version, content), false);
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).session(this.operator)).andReturn().getResponse().getContentAsString();
	}

	private org.springframework.test.web.servlet.ResultActions upload(String version, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/reference-data")
			.file(new MockMultipartFile("file", "endpoints.json", "application/json", content))
			.param("version", version)
			.session(this.operator)
			.with(csrf()));
	}

	private UUID importPureExchangeOnline() throws Exception {
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(TestSnapshots.load("pure-exchange-online.json"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.gatewayName = TestSnapshots.JSON.readTree(body).at("/gateway/name").asString();
		return UUID.fromString(TestSnapshots.JSON.readTree(body).at("/gateway/id").asString());
	}

	private String exoPort25(UUID gateway) throws Exception {
		JsonNode findings = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/gateways/{id}", gateway).with(this.users.operator()))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("findings");
		for (JsonNode finding : findings) {
			if (finding.get("ruleId").asString().equals("EXO-PORT25")) {
				return finding.get("outcome").asString();
			}
		}
		throw new AssertionError("no EXO-PORT25 finding");
	}

}
