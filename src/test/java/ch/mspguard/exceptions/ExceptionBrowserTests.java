package ch.mspguard.exceptions;

import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance of issue 14 in a real browser, in German and English: a tenant admin
 * requests an exception for a failing TLS-OUT finding, an operator approves it, the light
 * changes and carries the accepted-risk marker; the operator lowers the domain's TLS
 * level further, the exception needs review and the finding decides the light again; an
 * operator's own request cannot be approved by the same operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExceptionBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	WebDriver browser;

	UUID tenant;

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		// Only TLS-OUT fails on the tenant: its domain delivers with "encrypt".
		ObjectNode document = TestSnapshots.load("browser-journey.json");
		ObjectNode domain = (ObjectNode) document.get("tenants").get(0).get("domains").get(0);
		domain.put("tlsLevel", "encrypt");
		((ArrayNode) domain.get("allowedSendingServers")).add("192.0.2.11");
		ImportResult result = SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		this.tenant = result.tenants().get(0).id();
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
		this.users.ensure(this.users.tenantAdminName(this.tenant), Role.TENANT_ADMIN, this.tenant);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@ParameterizedTest
	@CsvSource({ "en, accepted until, 1 accepted risk, another operator",
			"de, akzeptiert bis, 1 akzeptiertes Risiko, anderer Operator" })
	void requestApproveWatchAndFourEyes(String language, String marker, String count, String ownRequest) {
		this.browser.get(url("/login?lang=" + language));
		logIn(this.users.tenantAdminName(this.tenant));
		assertThat(lightClass()).isEqualTo("light-RED");
		tlsOutFinding().findElement(By.cssSelector("[data-request-exception-link]")).click();
		this.browser.findElement(By.id("reason")).sendKeys("The partner relay cannot authenticate yet.");
		this.browser.findElement(By.cssSelector("[data-request-exception]")).click();
		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).contains("TLS-OUT");
		BrowserSupport.screenshot(this.browser, "exception-" + language + "-1-requested");
		logOut();

		logIn(TestUsers.OPERATOR);
		this.browser.get(url("/exceptions?state=REQUESTED&tenant=" + this.tenant));
		WebElement row = this.browser.findElement(By.cssSelector("tr[data-exception]"));
		row.findElement(By.name("comment")).sendKeys("Until the partner migrates.");
		row.findElement(By.cssSelector("[data-approve]")).click();
		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).contains("TLS-OUT");
		this.browser.get(url("/tenants/" + this.tenant));
		assertThat(lightClass()).isEqualTo("light-GREEN");
		assertThat(this.browser.findElement(By.cssSelector("[data-accepted-risks]")).getText()).isEqualTo(count);
		assertThat(tlsOutFinding().findElement(By.cssSelector("[data-accepted-risk]")).getText()).contains(marker)
			.contains(TestUsers.OPERATOR);
		BrowserSupport.screenshot(this.browser, "exception-" + language + "-2-approved");

		this.browser.findElement(By.linkText("fixme.browser-red.example")).click();
		new Select(this.browser.findElement(By.id("tlsLevel"))).selectByValue("may");
		this.browser.findElement(By.cssSelector("form.domain-form")).submit();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.findElements(By.cssSelector(".alert-success")).isEmpty());
		this.browser.get(url("/exceptions?tenant=" + this.tenant));
		assertThat(this.browser.findElement(By.cssSelector("tr[data-exception]")).getAttribute("data-state"))
			.isEqualTo("NEEDS_REVIEW");
		BrowserSupport.screenshot(this.browser, "exception-" + language + "-3-needs-review");
		this.browser.get(url("/tenants/" + this.tenant));
		assertThat(lightClass()).isEqualTo("light-RED");
		assertThat(this.browser.findElements(By.cssSelector("[data-accepted-risks]"))).isEmpty();

		tlsOutFinding().findElement(By.cssSelector("[data-request-exception-link]")).click();
		this.browser.findElement(By.id("reason")).sendKeys("Operator’s own request.");
		this.browser.findElement(By.cssSelector("[data-request-exception]")).click();
		// the request answers with a redirect: wait for it before leaving the page
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.findElements(By.cssSelector(".alert-success")).isEmpty());
		this.browser.get(url("/exceptions?state=REQUESTED&tenant=" + this.tenant));
		this.browser.findElement(By.cssSelector("tr[data-exception] [data-approve]")).click();
		assertThat(this.browser.findElement(By.cssSelector("[data-decision-error]")).getText()).contains(ownRequest);
		this.browser.get(url("/exceptions?state=REQUESTED&tenant=" + this.tenant));
		assertThat(this.browser.findElements(By.cssSelector("tr[data-exception]"))).hasSize(1);
		BrowserSupport.screenshot(this.browser, "exception-" + language + "-4-own-request");
		this.browser.get(url("/tenants/" + this.tenant));
		assertThat(lightClass()).isEqualTo("light-RED");
	}

	private WebElement tlsOutFinding() {
		return this.browser.findElement(By.xpath(
				"//details[contains(@class,'finding')][.//code[text()='TLS-OUT']][.//*[@data-request-exception-link or @data-accepted-risk]]"));
	}

	private String lightClass() {
		String classes = this.browser.findElement(By.cssSelector(".light-panel .light")).getAttribute("class");
		for (String name : classes.split(" ")) {
			if (name.startsWith("light-")) {
				return name;
			}
		}
		return classes;
	}

	private void logIn(String username) {
		BrowserSupport.logIn(this.browser, url(""), username);
	}

	private void logOut() {
		this.browser.manage().deleteCookieNamed("JSESSIONID");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
