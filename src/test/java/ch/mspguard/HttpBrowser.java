package ch.mspguard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for tests against running servers: keeps cookies (so one
 * session can be carried from one instance to another on the same host), follows no
 * redirects, and takes the CSRF token from the page it last loaded.
 */
public final class HttpBrowser {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

	private final HttpClient client;

	private String csrf;

	public HttpBrowser() {
		CookieManager cookies = new CookieManager();
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public HttpResponse<String> get(String url) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
		Matcher input = CSRF_INPUT.matcher(response.body());
		if (input.find()) {
			Matcher value = VALUE.matcher(input.group());
			if (value.find()) {
				this.csrf = value.group(1);
			}
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page loaded. */
	public HttpResponse<String> post(String url, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(this.csrf) + "&", ""));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Uploads one file as a multipart form, with the CSRF token of the last page loaded.
	 */
	public HttpResponse<String> upload(String url, String field, String fileName, byte[] content) {
		String boundary = "----test" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf + "\r\n--"
						+ boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
						+ fileName + "\"\r\nContent-Type: application/json\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * Logs in through the login form; the answer redirects to the start page on success.
	 */
	public HttpResponse<String> login(String baseUrl, String username, String password) {
		get(baseUrl + "/login");
		return post(baseUrl + "/login", Map.of("username", username, "password", password));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

}
