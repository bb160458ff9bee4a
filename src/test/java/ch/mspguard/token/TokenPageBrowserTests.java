package ch.mspguard.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import ch.mspguard.BrowserSupport;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator creates an API token in the browser, sees its secret once, finds it listed
 * with its last use, and revokes it after a confirmation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TokenPageBrowserTests {

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
	void createShownOnceListedWithItsLastUseThenRevoked() throws Exception {
		logIn();
		this.browser.get(url("/users"));
		this.browser.findElement(By.id("tokens-link")).click();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("API tokens");

		this.browser.findElement(By.id("allowedNetwork")).sendKeys("not-a-network");
		submit("#token-form button[type=submit]");
		assertThat(fieldError("name")).contains("A token name is 1 to 100 letters");
		assertThat(fieldError("scopes")).contains("Give at least one scope");
		assertThat(fieldError("allowedNetwork")).contains("not-a-network");
		BrowserSupport.screenshot(this.browser, "tokens-1-form-errors");

		String name = "PSA sync " + UUID.randomUUID().toString().substring(0, 8);
		this.browser.findElement(By.id("name")).sendKeys(name);
		click(this.browser.findElement(By.cssSelector("input[name=scopes][value=read]")));
		this.browser.findElement(By.id("allowedNetwork")).clear();
		this.browser.findElement(By.id("allowedNetwork")).sendKeys("127.0.0.0/8");
		submit("#token-form button[type=submit]");
		String secret = this.browser.findElement(By.id("token-secret")).getDomProperty("value");
		assertThat(secret).startsWith(TokenSecret.PREFIX);
		assertThat(this.browser.findElement(By.id("token-created")).getText()).contains("shown only this once");
		BrowserSupport.screenshot(this.browser, "tokens-2-shown-once");

		assertThat(apiStatus(secret)).isEqualTo(200);
		click(this.browser.findElement(By.linkText("Done, I have copied it")));
		WebElement row = row(name);
		assertThat(row.getText()).contains("read", "127.0.0.0/8", "it-operator", "127.0.0.1", "active")
			.doesNotContain("never used");
		assertThat(this.browser.getPageSource()).doesNotContain(secret);
		BrowserSupport.screenshot(this.browser, "tokens-3-listed");

		click(row.findElement(By.linkText("Revoke")));
		assertThat(this.browser.findElement(By.id("token-revoke")).getText()).contains(name);
		assertThat(this.browser.getPageSource()).doesNotContain(secret);
		submit("#token-revoke button[type=submit]");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText()).contains("revoked");
		assertThat(row(name).getText()).contains("revoked", "by it-operator");
		assertThat(row(name).findElements(By.linkText("Revoke"))).isEmpty();
		assertThat(this.browser.getPageSource()).doesNotContain(secret);
		BrowserSupport.screenshot(this.browser, "tokens-4-revoked");
		assertThat(apiStatus(secret)).isEqualTo(401);
	}

	private WebElement row(String name) {
		return this.browser
			.findElement(By.xpath("//table[@id='tokens']//tr[td//span[normalize-space()='" + name + "']]"));
	}

	private String fieldError(String field) {
		return this.browser
			.findElement(
					By.xpath("//*[@id='token-form']//*[contains(@class,'invalid-feedback')][preceding-sibling::*[@id='"
							+ field + "'] or ancestor::fieldset//input[@name='" + field + "']]"))
			.getText();
	}

	private int apiStatus(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/tenants")))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private void submit(String button) {
		String before = this.browser.getPageSource();
		click(this.browser.findElement(By.cssSelector(button)));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.getPageSource().equals(before));
	}

	/**
	 * Scrolls without Bootstrap's smooth scrolling, which moves the element under the
	 * click.
	 */
	private void click(WebElement element) {
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void logIn() {
		BrowserSupport.logIn(this.browser, url(""), TestUsers.OPERATOR);
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> driver.getCurrentUrl().endsWith("/tenants"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
