package ch.mspguard.dashboard;

import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's journey in Chromium: an operator lowers a domain's TLS level; the tenant
 * page says since when the light is red and why, the light history lists the change, the
 * overview's "worsened" filter finds the tenant; undoing the edit turns it green again
 * with that cause recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	WebDriver browser;

	UUID green;

	UUID gatewayId;

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		ObjectNode document = TestSnapshots.load("browser-journey.json");
		ImportResult result = SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		this.green = result.tenants().get(1).id();
		this.gatewayId = result.gatewayId();
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aLoweredTlsLevelIsExplainedOnTheTenantPageAndFoundByTheWorsenedFilter() {
		logIn(TestUsers.OPERATOR);
		setTlsLevel("may");

		this.browser.get(url("/tenants/" + this.green + "?lang=en"));
		String since = this.browser.findElement(By.cssSelector(".light-since")).getText();
		assertThat(since).startsWith("Red since ")
			.contains("green.browser.example: TLS level secure → may, changed by it-operator, edit");
		List<String> changes = historyRows();
		assertThat(changes.get(0)).contains("Green").contains("Red").contains("TLS level secure → may");
		assertThat(this.browser.findElement(By.cssSelector(".history-chart svg polyline"))).isNotNull();
		BrowserSupport.screenshot(this.browser, "history-1-tenant-red");

		this.browser.get(url("/tenants?lang=en&worsened=7&gateway=" + this.gatewayId));
		assertThat(tenantRows()).containsExactly("browser-green");
		assertThat(this.browser.findElement(By.cssSelector("figure.trend svg"))).isNotNull();
		BrowserSupport.screenshot(this.browser, "history-2-overview-worsened");

		setTlsLevel("secure");
		this.browser.get(url("/tenants/" + this.green + "?lang=de"));
		assertThat(this.browser.findElement(By.cssSelector(".light-since")).getText()).startsWith("Grün seit ")
			.contains("green.browser.example: TLS-Stufe may → secure, geändert von it-operator, Bearbeitung");
		assertThat(historyRows()).hasSize(3);
		BrowserSupport.screenshot(this.browser, "history-3-tenant-green-de");
	}

	private void setTlsLevel(String level) {
		this.browser.get(url("/tenants/" + this.green + "?lang=en"));
		this.browser.findElement(By.linkText("green.browser.example")).click();
		new Select(this.browser.findElement(By.id("tlsLevel"))).selectByValue(level);
		this.browser.findElement(By.cssSelector("form.domain-form")).submit();
		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).isNotBlank();
	}

	private List<String> historyRows() {
		return this.browser.findElements(By.cssSelector("table.history-changes tbody tr"))
			.stream()
			.map((row) -> row.getText())
			.toList();
	}

	private List<String> tenantRows() {
		return this.browser.findElements(By.cssSelector("tr[data-tenant]"))
			.stream()
			.map((row) -> row.getAttribute("data-tenant"))
			.toList();
	}

	private void logIn(String username) {
		BrowserSupport.logIn(this.browser, url(""), username);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
