package ch.mspguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver, headless, for the browser tests. Where they are
 * missing the tests report themselves skipped, unless
 * {@code HARDENING_REQUIRE_BROWSER=true} (as in CI), where their absence fails the build.
 */
public final class BrowserSupport {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private BrowserSupport() {
	}

	/** A new headless browser; skips the test (or fails it in CI) when there is none. */
	public static WebDriver start() {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available && "true".equals(System.getenv("HARDENING_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("HARDENING_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: install Debian's chromium and chromium-driver");
		}
		Assumptions.assumeTrue(available, "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
				+ " not found (install Debian's chromium and chromium-driver to run them)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,1000", "--lang=en-US",
				// Bootstrap scrolls smoothly otherwise, and a click can land while the
				// page
				// still moves (an intercepted click).
				"--force-prefers-reduced-motion");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().window().setSize(new Dimension(1400, 1000));
		return driver;
	}

	/**
	 * Signs in with the local form and waits for the page its redirect leads to: the next
	 * step must not race the login's answer (a busy machine takes a while).
	 * @param base the application's address, such as {@code http://localhost:8080}
	 */
	public static void logIn(WebDriver browser, String base, String username) {
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	/**
	 * Clicks a button that submits its form and waits for the page that answers it:
	 * reading right after the click finds the old page (a stale element).
	 */
	public static void submit(WebDriver browser, WebElement button) {
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
	}

	public static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save screenshot " + name, ex);
		}
	}

}
