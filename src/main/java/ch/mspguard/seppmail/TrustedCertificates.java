package ch.mspguard.seppmail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import ch.mspguard.gateway.InvalidValueException;

/**
 * The TLS trust of a pull: the JVM's default trust store, or, for an appliance with a
 * certificate from a private CA, exactly the configured PEM certificate(s). Verification
 * is never switched off, and the host name is always checked.
 */
final class TrustedCertificates {

	private TrustedCertificates() {
	}

	/**
	 * The certificates of a PEM text.
	 * @throws InvalidValueException when the text holds no X.509 certificate
	 */
	static List<Certificate> parse(String pem) {
		try {
			List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII))));
			if (certificates.isEmpty()) {
				throw new InvalidValueException("seppmail.ca.invalid");
			}
			return certificates;
		}
		catch (CertificateException ex) {
			throw new InvalidValueException("seppmail.ca.invalid");
		}
	}

	/** The SSL context trusting the PEM certificates, or the default one for none. */
	static SSLContext context(String pem) {
		try {
			if (pem == null || pem.isBlank()) {
				return SSLContext.getDefault();
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			List<Certificate> certificates = parse(pem);
			for (int i = 0; i < certificates.size(); i++) {
				store.setCertificateEntry("pinned-" + i, certificates.get(i));
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("Could not set up TLS trust", ex);
		}
	}

}
