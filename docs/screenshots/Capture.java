import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Takes the README's screenshots from a running demo (./mvnw spring-boot:run) in German and
 * English, scaled down to small PNGs in docs/screenshots/. Run from the repository's root:
 *
 * <pre>
 * ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * java -cp "$(cat target/classpath.txt)" docs/screenshots/Capture.java http://localhost:8080
 * </pre>
 *
 * The history screenshots (issue 13) need a year of history: run
 * {@code touch /tmp/hold; BENCH_JAVA_OPTS=-Dbench.hold=/tmp/hold bench/history} (it then waits
 * before pruning while the file exists; it prints the measured tenant page) and capture from it:
 *
 * <pre>
 * java -cp "$(cat target/classpath.txt)" docs/screenshots/Capture.java http://localhost:18090 history bench-operator PASSWORD TENANT_ID
 * </pre>
 */
public class Capture {

	public static void main(String[] args) throws Exception {
		String base = (args.length > 0) ? args[0] : "http://localhost:8080";
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--hide-scrollbars");
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(),
				options);
		try {
			browser.manage().window().setSize(new Dimension(1440, 1000));
			browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			boolean history = args.length > 1 && args[1].equals("history");
			browser.get(base + "/login");
			browser.findElement(By.id("username")).sendKeys(history ? args[2] : "operator");
			browser.findElement(By.id("password")).sendKeys(history ? args[3] : "operator-demo");
			browser.findElement(By.cssSelector("form button[type=submit]")).click();
			if (history) {
				for (String lang : new String[] { "en", "de" }) {
					browser.get(base + "/tenants?lang=" + lang);
					save(browser, "history-overview-" + lang);
					browser.manage().window().setSize(new Dimension(1440, 1400));
					browser.get(base + "/tenants/" + args[4] + "?lang=" + lang + "#history");
					save(browser, "history-tenant-" + lang);
					browser.manage().window().setSize(new Dimension(1440, 1000));
				}
				return;
			}
			for (String lang : new String[] { "en", "de" }) {
				browser.get(base + "/tenants?lang=" + lang);
				save(browser, "overview-" + lang);
				browser.findElement(By.linkText("elektro")).click();
				save(browser, "tenant-" + lang);
				browser.findElement(By.linkText("elektro-shop.example")).click();
				// tall enough for the name, the findings and the start of the edit form
				browser.manage().window().setSize(new Dimension(1440, 2160));
				save(browser, "domain-" + lang);
				browser.manage().window().setSize(new Dimension(1440, 1000));
			}
		}
		finally {
			browser.quit();
		}
	}

	private static void save(WebDriver browser, String name) throws Exception {
		BufferedImage full = ImageIO
			.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
		int width = 960;
		int height = full.getHeight() * width / full.getWidth();
		BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		small.getGraphics().drawImage(full.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
		ImageIO.write(small, "png", new File("docs/screenshots/" + name + ".png"));
		System.out.println("docs/screenshots/" + name + ".png");
	}

}
