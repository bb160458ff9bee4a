package ch.mspguard.imports;

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
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator uploads a snapshot in a real browser, reads the preview and applies it;
 * screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	WebDriver browser;

	Path upload;

	@BeforeEach
	void setUp() throws IOException {
		this.browser = BrowserSupport.start();
		ObjectNode document = TestSnapshots.load("browser-journey.json");
		SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		((ObjectNode) document.get("tenants").get(1).get("domains").get(0)).put("tlsLevel", "may");
		this.upload = Files.createTempFile(Path.of("target"), "import-journey-", ".json");
		Files.write(this.upload, TestSnapshots.bytes(document));
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterEach
	void tearDown() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		Files.deleteIfExists(this.upload);
	}

	@Test
	void operatorUploadsASnapshotReadsThePreviewAndAppliesIt() {
		BrowserSupport.logIn(this.browser, url(""), TestUsers.OPERATOR);

		this.browser.findElement(By.linkText("Import")).click();
		BrowserSupport.screenshot(this.browser, "import-1-page");
		this.browser.findElement(By.id("snapshot-file")).sendKeys(this.upload.toAbsolutePath().toString());
		this.browser.findElement(By.id("snapshot-file")).submit();

		assertThat(this.browser.findElement(By.tagName("h1")).getText()).startsWith("Preview of the import into");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-domain='green.browser.example']")).getText())
			.contains("secure", "may");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-tenant='browser-green']")).getText())
			.contains("Green", "Red");
		BrowserSupport.screenshot(this.browser, "import-2-preview");
		this.browser.get(this.browser.getCurrentUrl() + "?lang=de");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).startsWith("Vorschau des Imports in");
		BrowserSupport.screenshot(this.browser, "import-3-preview-de");
		this.browser.get(this.browser.getCurrentUrl().replace("?lang=de", "?lang=en"));

		this.browser.findElement(By.cssSelector("form[action$='/apply'] button")).click();
		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Imported into");
		assertThat(this.browser.findElement(By.cssSelector("table.history-table tbody tr")).getText())
			.contains(TestUsers.OPERATOR, "Snapshot upload", "Domains: 0 added, 0 removed, 1 changed");
		BrowserSupport.screenshot(this.browser, "import-4-history");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
