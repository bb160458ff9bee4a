package ch.mspguard.checklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.mspguard.BrowserSupport;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator replaces the Exchange Online ranges in a real browser: a list without IPv6
 * shows its preview (ranges removed, the gateway whose outcome changes) and is refused; a
 * complete list is applied. Screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RangesPreviewBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	ReferenceDataService referenceData;

	WebDriver browser;

	String gateway;

	Path withoutIpv6;

	Path complete;

	@BeforeEach
	void setUp() throws IOException {
		this.browser = BrowserSupport.start();
		ObjectNode document = TestSnapshots.load("pure-exchange-online.json");
		this.gateway = TestSnapshots.gatewayName(document);
		SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		this.withoutIpv6 = copy("exchange-no-ipv6.json");
		this.complete = copy("exchange-complete.json");
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterEach
	void tearDown() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		Files.deleteIfExists(this.withoutIpv6);
		Files.deleteIfExists(this.complete);
		SystemActor.call("test", () -> this.referenceData.replaceExchangeOnline("2022072800",
				ReferenceNetworks.exchangeOnlineDefault().networks(), "checklist default", java.util.List.of()));
	}

	@Test
	void operatorRefusesAListWithoutIpv6AfterItsPreviewThenAppliesACompleteOne() {
		BrowserSupport.logIn(this.browser, url(""), TestUsers.OPERATOR);

		this.browser.get(url("/reference-data"));
		assertThat(this.browser.findElement(By.id("ranges-age")).getText()).contains("days old");
		upload("2026100100", this.withoutIpv6);

		assertThat(this.browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Preview of the new Exchange Online ranges");
		assertThat(this.browser.findElement(By.id("ranges-no-ipv6")).getText())
			.contains("This list has no IPv6 range.");
		assertThat(this.browser.findElement(By.id("ranges-removed")).getText()).contains("40.107.0.0/16",
				"104.47.0.0/17", "2a01:111:f400::/48", "2a01:111:f403::/48");
		// Its Exchange Online sources include 40.107.0.0/16, which the new list lacks.
		assertThat(this.browser.findElement(By.cssSelector("#ranges-gateways tr[data-gateway='" + this.gateway + "']"))
			.getText()).startsWith(this.gateway);
		BrowserSupport.screenshot(this.browser, "ranges-1-preview-without-ipv6");
		submit("ranges-refuse");

		assertThat(this.browser.findElement(By.id("ranges-refused")).getText()).contains("refused");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("2022072800")
			.doesNotContain("2026100100");

		upload("2026100200", this.complete);
		assertThat(this.browser.findElements(By.id("ranges-no-ipv6"))).isEmpty();
		assertThat(this.browser.findElement(By.id("ranges-removed")).getText()).isEmpty();
		BrowserSupport.screenshot(this.browser, "ranges-2-preview-complete");
		submit("ranges-apply");

		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText())
			.contains("The ranges were replaced");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("2026100200", "2a01:111:f403::/48");
		BrowserSupport.screenshot(this.browser, "ranges-3-applied");
	}

	private void upload(String version, Path file) {
		this.browser.findElement(By.id("version")).clear();
		this.browser.findElement(By.id("version")).sendKeys(version);
		this.browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit("ranges-upload");
	}

	private void submit(String buttonId) {
		BrowserSupport.submit(this.browser, this.browser.findElement(By.id(buttonId)));
	}

	private static Path copy(String name) throws IOException {
		Path file = Files.createTempFile(Path.of("target"), "ranges-", "-" + name);
		Files.write(file, new ClassPathResource("endpoints/" + name).getContentAsByteArray());
		return file;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
