package ch.mspguard.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ch.mspguard.system.OutboundGuard;

import org.springframework.stereotype.Component;

/**
 * Posts a webhook body: the destination checked by the {@link OutboundGuard} first, no
 * redirects followed, the remote answer's body never read. Every try of a message carries
 * the same {@code Idempotency-Key}; the generic format is signed with HMAC-SHA256 over
 * the body ({@code X-Hardening-Signature: sha256=<hex>}).
 */
@Component
class WebhookDelivery {

	static final String SIGNATURE_HEADER = "X-Hardening-Signature";

	static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private final OutboundGuard guard;

	private final HttpClient client;

	private final NotificationProperties properties;

	WebhookDelivery(OutboundGuard guard, NotificationProperties properties) {
		this.guard = guard;
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.httpTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * @return the answer for the delivery log
	 */
	String post(ChannelStore.Target target, UUID idempotencyKey, String eventType, String body) {
		URI uri = URI.create(target.url());
		try {
			this.guard.check(uri.getHost());
		}
		catch (OutboundGuard.OutboundRefusedException ex) {
			throw new SendFailedException(ex.notAllowed() ? "Refused: the address is not allowed (outbound guard)"
					: "Refused: the host name does not resolve");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.httpTimeout())
			.header("Content-Type", "application/json")
			.header(IDEMPOTENCY_HEADER, idempotencyKey.toString())
			.header("X-Hardening-Event", eventType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (target.secret() != null) {
			request.header(SIGNATURE_HEADER, "sha256=" + sign(target.secret(), body));
		}
		HttpResponse<Void> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (HttpTimeoutException ex) {
			throw new SendFailedException("Timed out");
		}
		catch (IOException ex) {
			throw new SendFailedException("Connection failed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SendFailedException("Interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw new SendFailedException("HTTP " + response.statusCode());
		}
		return "HTTP " + response.statusCode();
	}

	static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
