package ch.mspguard.seppmail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import ch.mspguard.gateway.InvalidValueException;

/**
 * The base URL of an appliance's REST API, such as {@code https://host:8445/v1}: HTTPS
 * only, with a host, no user name, query or fragment, no trailing slash.
 */
final class BaseUrl {

	static final int MAX_LENGTH = 500;

	private BaseUrl() {
	}

	/**
	 * @throws InvalidValueException naming what is wrong
	 */
	static URI parse(String raw) {
		String text = raw.strip();
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidValueException("seppmail.baseUrl.invalid", raw);
		}
		if (text.length() > MAX_LENGTH || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidValueException("seppmail.baseUrl.invalid", raw);
		}
		if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
			throw new InvalidValueException("seppmail.baseUrl.https", raw);
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath().replaceAll("/+$", "") : "";
		return URI.create("https://" + uri.getRawAuthority() + path);
	}

}
