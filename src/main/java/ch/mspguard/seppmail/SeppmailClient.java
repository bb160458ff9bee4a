package ch.mspguard.seppmail;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import ch.mspguard.system.OutboundGuard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Fetches {@code GET /customer} and {@code GET /mailsystem/manageddomain} from an
 * appliance with {@code java.net.http}: connect and read timeouts, TLS always verified
 * (host name included), no redirects (the credentials go to the configured host only),
 * and every failure turned into a {@link PullFailedException} that says what went wrong
 * without naming the token or the secret.
 */
@Component
@EnableConfigurationProperties(SeppmailProperties.class)
class SeppmailClient {

	static final String TOKEN_HEADER = "X-SM-API-TOKEN";

	static final String SECRET_HEADER = "X-SM-API-SECRET";

	private final SeppmailProperties properties;

	private final OutboundGuard guard;

	SeppmailClient(SeppmailProperties properties, OutboundGuard guard) {
		this.properties = properties;
		this.guard = guard;
	}

	/** The two responses, as bytes. */
	record Responses(byte[] customers, byte[] domains) {
	}

	/**
	 * @param baseUrl such as {@code https://host:8445/v1}
	 * @param caCertificate PEM of the certificate(s) to trust instead of the default
	 * trust store, or null
	 * @throws PullFailedException when the appliance gives no usable answer
	 */
	Responses fetch(URI baseUrl, Credentials credentials, String caCertificate) {
		// Redirects are never followed, so the configured host is the only one to check.
		try {
			this.guard.check(baseUrl.getHost());
		}
		catch (OutboundGuard.OutboundRefusedException ex) {
			throw ex.notAllowed() ? new PullFailedException("refused", baseUrl.getHost())
					: new PullFailedException("unreachable", baseUrl.getHost(), port(baseUrl));
		}
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(this.properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.sslContext(TrustedCertificates.context(caCertificate))
			.build();
		return new Responses(get(client, baseUrl, ApiDocument.CUSTOMERS, credentials),
				get(client, baseUrl, ApiDocument.DOMAINS, credentials));
	}

	private byte[] get(HttpClient client, URI baseUrl, String path, Credentials credentials) {
		URI uri = URI.create(baseUrl + path);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("Accept", "application/json")
			.header(TOKEN_HEADER, credentials.token())
			.header(SECRET_HEADER, credentials.secret())
			.GET()
			.build();
		CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
				LimitedBody.handler(this.properties.maxResponseBytes()));
		HttpResponse<byte[]> response;
		try {
			response = exchange.get(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new PullFailedException("timeout", uri.getHost(), this.properties.readTimeout().toSeconds());
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw new PullFailedException("interrupted");
		}
		catch (ExecutionException ex) {
			throw translate(ex.getCause(), uri);
		}
		return checked(response, path);
	}

	private static byte[] checked(HttpResponse<byte[]> response, String path) {
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			throw new PullFailedException("unauthorized", status);
		}
		if (status == 404) {
			throw new PullFailedException("notFound", path);
		}
		if (status < 200 || status > 299) {
			throw new PullFailedException("status", status, path);
		}
		return response.body();
	}

	private static int port(URI uri) {
		return (uri.getPort() > 0) ? uri.getPort() : 443;
	}

	/**
	 * The failure in the application's words. A closed port, a port without TLS and any
	 * other broken connection read the same ("cannot be reached"), and nothing the remote
	 * side said is repeated: the message must not help map a network (issue 18).
	 */
	private PullFailedException translate(Throwable failure, URI uri) {
		int port = port(uri);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PullFailedException pull) {
				return pull;
			}
			if (cause instanceof HttpConnectTimeoutException) {
				return new PullFailedException("connectTimeout", uri.getHost(), port,
						this.properties.connectTimeout().toSeconds());
			}
			if (cause instanceof HttpTimeoutException) {
				return new PullFailedException("timeout", uri.getHost(), this.properties.readTimeout().toSeconds());
			}
			if (cause instanceof SSLException) {
				return certificate(failure, uri.getHost(), port);
			}
			if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
					|| cause instanceof UnknownHostException) {
				return new PullFailedException("unreachable", uri.getHost(), port);
			}
		}
		return new PullFailedException("unreachable", uri.getHost(), port);
	}

	/** Which certificate problem it was, from the handshake's chain of causes. */
	private static PullFailedException certificate(Throwable failure, String host, int port) {
		if (anyCause(failure, (cause) -> cause instanceof CertificateExpiredException
				|| cause instanceof CertificateNotYetValidException)) {
			return new PullFailedException("certificate.expired", host);
		}
		if (anyCause(failure, (cause) -> String.valueOf(cause.getMessage()).contains("No subject alternative")
				|| String.valueOf(cause.getMessage()).contains("No name matching"))) {
			return new PullFailedException("certificate.hostname", host);
		}
		if (anyCause(failure,
				(cause) -> cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
						|| String.valueOf(cause.getMessage()).contains("unable to find valid certification path"))) {
			return new PullFailedException("certificate.untrusted", host);
		}
		return new PullFailedException("unreachable", host, port);
	}

	private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (test.test(cause)) {
				return true;
			}
		}
		return false;
	}

}
