package ch.mspguard.report;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.BrowserSupport;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's export buttons in a real browser: a large export says that it is being
 * prepared, and a refused one says why, without leaving the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExportButtonsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	ExportSlots slots;

	@Autowired
	ExportAuditEvents audit;

	WebDriver browser;

	UUID gatewayId;

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		ImportResult result = SystemActor.call("test", () -> this.importer
			.importSnapshot(this.reader.read(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))), "test"));
		this.gatewayId = result.gatewayId();
		this.users.ensure(TestUsers.AUDITOR, Role.AUDITOR, null);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void largeExportsSayWhenTheyAreRefusedAndDownloadWithoutLeavingThePage() {
		logIn(TestUsers.AUDITOR);
		String overview = url("/tenants?gateway=" + this.gatewayId);
		this.browser.get(overview);
		WebElement status = this.browser.findElement(By.cssSelector("[data-export-status]"));
		assertThat(this.browser.findElement(By.linkText("CSV")).getAttribute("href"))
			.endsWith("/reports/findings.csv?gateway=" + this.gatewayId);

		try (ExportSlots.Slot first = this.slots.large(); ExportSlots.Slot second = this.slots.large()) {
			this.browser.findElement(By.linkText("Summary PDF")).click();
			waitUntil(() -> status.getText().contains("Too many exports are running right now"));
			BrowserSupport.screenshot(this.browser, "export-refused");
			assertThat(this.browser.getCurrentUrl()).isEqualTo(overview);
		}

		this.browser.findElement(By.linkText("CSV")).click();
		waitUntil(() -> !auditedRows(null).isMissingNode() && status.getText().isEmpty());
		assertThat(this.browser.getCurrentUrl()).isEqualTo(overview);
		assertThat(auditedRows(null).asLong()).isPositive();

		// Filtering in place pushes the filters into the address bar; the export follows
		// them.
		String green = overview + "&light=GREEN";
		((JavascriptExecutor) this.browser).executeScript("history.pushState(null, '', arguments[0])", green);
		this.browser.findElement(By.linkText("CSV")).click();
		waitUntil(() -> !auditedRows("GREEN").isMissingNode() && status.getText().isEmpty());
		assertThat(auditedRows("GREEN").asLong()).isZero();
	}

	/** The rows of the latest audited all-tenant CSV of this test's gateway and light. */
	private JsonNode auditedRows(String light) {
		try {
			JsonNode event = this.audit.latest(AuditAction.EXPORT_FINDINGS_CSV.name(), "all");
			JsonNode filter = event.get("filter");
			boolean ours = filter.path("gateway").asString("").equals(this.gatewayId.toString()) && ((light == null)
					? filter.path("light").isMissingNode() : filter.path("light").asString("").equals(light));
			return ours ? event.path("rows") : MissingNode.getInstance();
		}
		catch (EmptyResultDataAccessException ex) {
			return MissingNode.getInstance();
		}
	}

	private void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> condition.getAsBoolean());
	}

	private void logIn(String username) {
		BrowserSupport.logIn(this.browser, url(""), username);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
