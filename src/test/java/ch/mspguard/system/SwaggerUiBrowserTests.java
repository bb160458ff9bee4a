package ch.mspguard.system;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import ch.mspguard.BrowserSupport;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI under the strict Content Security Policy (no inline script or style): an
 * operator sees the API's operations listed, and the browser reports no blocked script or
 * style.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SwaggerUiBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	WebDriver browser;

	@BeforeEach
	void setUp() {
		this.browser = BrowserSupport.start();
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOperatorSeesTheOperationsListUnderTheStrictPolicy() {
		BrowserSupport.logIn(this.browser, url(""), TestUsers.OPERATOR);
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> driver.getCurrentUrl().endsWith("/tenants"));

		this.browser.get(url("/swagger-ui.html"));
		List<WebElement> operations = new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((driver) -> {
			List<WebElement> found = driver.findElements(By.cssSelector(".opblock-summary-path"));
			return found.isEmpty() ? null : found;
		});
		BrowserSupport.screenshot(this.browser, "swagger-ui");
		assertThat(operations).extracting(WebElement::getText).contains("/api/tokens", "/api/snapshots");
		List<String> violations = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(violations).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
