package ch.mspguard.dashboard;

import java.time.Duration;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in a real browser (Debian's headless Chromium) against the running
 * application; screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	WebDriver browser;

	String gatewayName;

	UUID red;

	UUID green;

	UUID gatewayId;

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		ObjectNode document = TestSnapshots.load("browser-journey.json");
		this.gatewayName = TestSnapshots.gatewayName(document);
		ImportResult result = SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		this.red = result.tenants().get(0).id();
		this.green = result.tenants().get(1).id();
		this.gatewayId = result.gatewayId();
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		this.users.ensure(TestUsers.AUDITOR, Role.AUDITOR, null);
		this.users.ensure(this.users.tenantAdminName(this.red), Role.TENANT_ADMIN, this.red);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void operatorFixesAFailingDomainAndTheLightsTurnGreen() {
		logIn(TestUsers.OPERATOR);
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");
		BrowserSupport.screenshot(this.browser, "operator-1-overview");

		new Select(this.browser.findElement(By.id("light"))).selectByValue("RED");
		new Select(this.browser.findElement(By.id("gateway"))).selectByVisibleText(this.gatewayName);
		this.browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		// The filter form updates the table in place (htmx) and the address bar with it.
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.getCurrentUrl().contains("light=RED")
					&& driver.getCurrentUrl().contains("gateway=") && tenantRows().size() == 1);
		assertThat(tenantRows()).containsExactly("browser-red");
		BrowserSupport.screenshot(this.browser, "operator-2-filtered-red");

		this.browser.findElement(By.linkText("browser-red")).click();
		assertThat(light()).isEqualTo("Red");
		BrowserSupport.screenshot(this.browser, "operator-3-tenant");

		this.browser.findElement(By.linkText("fixme.browser-red.example")).click();
		BrowserSupport.screenshot(this.browser, "operator-4-domain");
		assertThat(outcomeOf("TLS-OUT")).isEqualTo("Fail");
		assertThat(outcomeOf("RELAY-DOMAIN")).isEqualTo("Fail");

		new Select(this.browser.findElement(By.id("tlsLevel"))).selectByValue("secure");
		this.browser.findElement(By.id("allowedSendingServers")).sendKeys("192.0.2.77");
		this.browser.findElement(By.cssSelector("form.domain-form")).submit();

		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Saved");
		assertThat(outcomeOf("TLS-OUT")).isEqualTo("Pass");
		assertThat(outcomeOf("RELAY-DOMAIN")).isEqualTo("Pass");
		assertThat(light()).isEqualTo("Green");
		BrowserSupport.screenshot(this.browser, "operator-5-domain-saved");

		this.browser.get(url("/tenants?gateway=" + this.gatewayId));
		assertThat(lightOfRow("browser-red")).isEqualTo("Green");
		BrowserSupport.screenshot(this.browser, "operator-6-overview-after");
	}

	@Test
	void auditorSeesTheSamePagesWithoutEditControls() {
		logIn(TestUsers.AUDITOR);
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants");
		this.browser.get(url("/tenants/" + this.red));
		assertThat(light()).isEqualTo("Red");
		assertThat(this.browser.findElements(By.linkText("Settings"))).isEmpty();
		this.browser.findElement(By.linkText("fixme.browser-red.example")).click();
		assertThat(outcomeOf("TLS-OUT")).isEqualTo("Fail");
		assertThat(this.browser.findElements(By.cssSelector("form.domain-form"))).isEmpty();
		assertThat(this.browser.findElement(By.cssSelector("dl.config-list")).getText()).contains("may");
		BrowserSupport.screenshot(this.browser, "auditor-domain");
		this.browser.get(url("/tenants/" + this.red + "/settings"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
	}

	@Test
	void tenantAdminLandsOnTheirTenantAndCannotSeeAnother() {
		logIn(this.users.tenantAdminName(this.red));
		assertThat(this.browser.getCurrentUrl()).endsWith("/tenants/" + this.red);
		assertThat(this.browser.findElements(By.linkText("Tenants"))).isEmpty();
		assertThat(this.browser.findElements(By.linkText("Gateways"))).isEmpty();
		BrowserSupport.screenshot(this.browser, "tenant-admin-own");
		this.browser.get(url("/tenants/" + this.green));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
		assertThat(this.browser.getPageSource()).doesNotContain("browser-green").doesNotContain("Browser Green");
		BrowserSupport.screenshot(this.browser, "tenant-admin-foreign-404");
	}

	private void logIn(String username) {
		BrowserSupport.logIn(this.browser, url(""), username);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private List<String> tenantRows() {
		return this.browser.findElements(By.cssSelector("tr[data-tenant]"))
			.stream()
			.map((row) -> row.getAttribute("data-tenant"))
			.toList();
	}

	private String lightOfRow(String tenant) {
		WebElement row = this.browser.findElement(By.cssSelector("tr[data-tenant='" + tenant + "']"));
		return row.findElement(By.cssSelector(".light span:last-child")).getText();
	}

	/** The word of the first light on the page (the tenant's). */
	private String light() {
		return this.browser.findElement(By.cssSelector(".light span:last-child")).getText();
	}

	private String outcomeOf(String ruleId) {
		WebElement finding = this.browser
			.findElement(By.xpath("//details[contains(@class,'finding')][.//code[text()='" + ruleId + "']]"));
		return finding.findElement(By.cssSelector(".outcome span:last-child")).getText();
	}

}
