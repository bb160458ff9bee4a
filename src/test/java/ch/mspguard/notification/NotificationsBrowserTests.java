package ch.mspguard.notification;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import ch.mspguard.BrowserSupport;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator, in a real browser, adds a webhook channel and a subscription, sends a test
 * message and finds it in the delivery log. Screenshots land in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	WebDriver browser;

	MockWebServer receiver;

	@BeforeEach
	void setUp() throws Exception {
		this.browser = BrowserSupport.start();
		this.receiver = new MockWebServer();
		this.receiver.start(InetAddress.getLoopbackAddress(), 0);
		this.receiver.enqueue(new MockResponse.Builder().code(200).build());
		this.users.ensure(TestUsers.OPERATOR, Role.OPERATOR, null);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.receiver.close();
	}

	@Test
	void operatorCreatesASubscriptionSendsATestMessageAndSeesItInTheLog() throws Exception {
		BrowserSupport.logIn(this.browser, url(""), TestUsers.OPERATOR);

		this.browser.get(url("/notifications?lang=en"));
		this.browser.findElement(By.cssSelector("#channel-form"))
			.findElement(By.xpath(".."))
			.findElement(By.tagName("summary"))
			.click();
		this.browser.findElement(By.id("name")).sendKeys("Browser hook");
		new Select(this.browser.findElement(By.id("kind"))).selectByValue("WEBHOOK");
		this.browser.findElement(By.id("url")).sendKeys(this.receiver.url("/hook").toString());
		this.browser.findElement(By.id("secret")).sendKeys("a-secret-for-the-browser-test");
		this.browser.findElement(By.id("secret")).sendKeys(Keys.ENTER);
		assertThat(this.browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Browser hook");

		this.browser.findElement(By.cssSelector("#subscription-form"))
			.findElement(By.xpath(".."))
			.findElement(By.tagName("summary"))
			.click();
		new Select(this.browser.findElement(By.id("channelId"))).selectByVisibleText("Browser hook");
		this.browser.findElement(By.cssSelector("input[name=eventTypes][value=LIGHT_WORSENED]")).click();
		// Enter in a field submits the form (the button may sit under the footer in a
		// small window).
		this.browser.findElement(By.id("digestZone")).sendKeys(Keys.ENTER);
		// the page before still shows the channel's alert until the answer arrives
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser, java.time.Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(By.cssSelector(".alert-success"))
				.getText()
				.contains("Subscription saved"));
		assertThat(this.browser.findElement(By.id("subscriptions")).getText()).contains("Browser hook",
				"Light worsened");
		BrowserSupport.screenshot(this.browser, "notifications-1-channel-and-subscription");

		this.browser.findElement(By.cssSelector("button[data-test-channel='Browser hook']")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser, java.time.Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Delivery log"));
		WebElement row = this.browser.findElement(By.cssSelector("#deliveries tbody tr"));
		assertThat(row.getText()).contains("Test message", "Browser hook", "Sent", "HTTP 200");
		BrowserSupport.screenshot(this.browser, "notifications-2-delivery-log");
		RecordedRequest request = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getBody().utf8()).contains("\"type\":\"test\"");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
