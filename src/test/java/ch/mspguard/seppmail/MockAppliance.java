package ch.mspguard.seppmail;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SEPPmail appliance for tests: HTTPS with a certificate from a private CA, the two GET
 * endpoints under {@code /v1}, token and secret checked. Every response it is given is
 * first validated against SEPPmail's OpenAPI description; a test that serves a deviating
 * response must say where it deviates.
 */
final class MockAppliance implements Closeable {

	static final String TOKEN = "tok-3f9a1c-appliance";

	static final String SECRET = "sec-very-secret-7d2b9e4a";

	private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0)
		.commonName("Test appliance CA")
		.build();

	private final MockWebServer server = new MockWebServer();

	private volatile byte[] customers = new byte[0];

	private volatile byte[] domains = new byte[0];

	private volatile String expectedToken = TOKEN;

	private volatile long delaySeconds;

	MockAppliance() throws java.io.IOException {
		HeldCertificate serverCertificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
			.commonName("localhost")
			.signedBy(this.ca)
			.build();
		this.server.useHttps(
				new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory());
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		this.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
	}

	/** The base URL under the name the certificate was issued for. */
	String baseUrl() {
		return "https://localhost:" + this.server.getPort() + "/v1";
	}

	/** The same appliance under its address, which its certificate does not name. */
	String baseUrlByAddress() {
		return "https://127.0.0.1:" + this.server.getPort() + "/v1";
	}

	String caPem() {
		return this.ca.certificatePem();
	}

	/** Serves the data after checking both responses against SEPPmail's schema. */
	MockAppliance serve(ApplianceData data) {
		assertThat(SeppmailApiSchema.get().customerErrors(data.customers)).as("GET /customer fixture").isEmpty();
		assertThat(SeppmailApiSchema.get().domainErrors(data.domains)).as("GET /mailsystem/manageddomain fixture")
			.isEmpty();
		return raw(data.customersJson(), data.domainsJson());
	}

	/**
	 * Serves a managed-domain response that leaves SEPPmail's schema, on purpose and only
	 * below {@code customer}: every schema error must lie there.
	 */
	MockAppliance serveDeviatingDomains(ApplianceData data, String customer) {
		assertThat(SeppmailApiSchema.get().customerErrors(data.customers)).isEmpty();
		List<String> errors = SeppmailApiSchema.get().domainErrors(data.domains);
		assertThat(errors).isNotEmpty().allSatisfy((error) -> assertThat(error).startsWith("/" + customer));
		return raw(data.customersJson(), data.domainsJson());
	}

	/** Serves bytes as they are, for responses that are not JSON at all. */
	MockAppliance raw(byte[] customers, byte[] domains) {
		this.customers = customers;
		this.domains = domains;
		return this;
	}

	MockAppliance expectToken(String token) {
		this.expectedToken = token;
		return this;
	}

	/** Answers only after the given time. */
	MockAppliance delay(long seconds) {
		this.delaySeconds = seconds;
		return this;
	}

	/** How many requests the appliance has answered. */
	int requestCount() {
		return this.server.getRequestCount();
	}

	RecordedRequest lastRequest() throws InterruptedException {
		RecordedRequest last = null;
		for (RecordedRequest request = this.server.takeRequest(0,
				TimeUnit.SECONDS); request != null; request = this.server.takeRequest(0, TimeUnit.SECONDS)) {
			last = request;
		}
		return last;
	}

	private MockResponse answer(RecordedRequest request) {
		MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "application/json");
		if (this.delaySeconds > 0) {
			response.headersDelay(this.delaySeconds, TimeUnit.SECONDS);
		}
		if (!this.expectedToken.equals(request.getHeaders().get(SeppmailClient.TOKEN_HEADER))
				|| !SECRET.equals(request.getHeaders().get(SeppmailClient.SECRET_HEADER))) {
			return response.code(401).body("{\"errorCode\":401,\"errorMessage\":\"Unauthorized\"}").build();
		}
		String path = request.getUrl().encodedPath();
		if (path.equals("/v1/customer")) {
			return response.code(200).body(new Buffer().write(this.customers)).build();
		}
		if (path.equals("/v1/mailsystem/manageddomain")) {
			return response.code(200).body(new Buffer().write(this.domains)).build();
		}
		return response.code(404).body("{}").build();
	}

	static JsonNode json(byte[] bytes) {
		return ApplianceData.JSON.readTree(bytes);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
