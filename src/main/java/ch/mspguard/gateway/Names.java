package ch.mspguard.gateway;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddressString;

/**
 * Validation and normalisation of the names the snapshot format and the forms share: DNS
 * names, host names or IP literals, e-mail addresses, SEPPmail customer and gateway
 * names.
 */
public final class Names {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern TENANT_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,100}");

	private static final Pattern GATEWAY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final Pattern EMAIL_LOCAL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private Names() {
	}

	/**
	 * A managed domain: a DNS name of at least two labels, lower case, IDN as punycode.
	 * @throws InvalidValueException when it is not one
	 */
	public static String domain(String raw) {
		String name = dnsName(raw, "domain.invalid");
		if (!name.contains(".")) {
			throw new InvalidValueException("domain.invalid", raw);
		}
		return name;
	}

	/**
	 * A host name (lower case, IDN as punycode) or an IP literal, with or without
	 * brackets.
	 * @throws InvalidValueException when it is neither
	 */
	public static String host(String raw) {
		String candidate = (raw.startsWith("[") && raw.endsWith("]")) ? raw.substring(1, raw.length() - 1) : raw;
		if (candidate.matches("[0-9a-fA-F:.]+") && (candidate.contains(":") || candidate.matches("[0-9.]+"))) {
			if (new IPAddressString(candidate).getAddress() == null || candidate.contains("/")) {
				throw new InvalidValueException("host.invalid", raw);
			}
			return raw.toLowerCase(Locale.ROOT);
		}
		return dnsName(raw, "host.invalid");
	}

	/**
	 * An e-mail address, its domain a DNS name of one label or more: SEPPmail's built-in
	 * administrator is {@code admin@local}, and SEPPmail's own tests assign it to
	 * customers.
	 */
	public static String email(String raw) {
		int at = raw.lastIndexOf('@');
		if (at < 1 || raw.length() > 254 || !EMAIL_LOCAL.matcher(raw.substring(0, at)).matches() || at > 64) {
			throw new InvalidValueException("email.invalid", raw);
		}
		try {
			dnsName(raw.substring(at + 1), "email.invalid");
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("email.invalid", raw);
		}
		return raw;
	}

	/** A SEPPmail customer name. */
	public static String tenant(String raw) {
		if (!TENANT_NAME.matcher(raw).matches()) {
			throw new InvalidValueException("tenant.name.invalid", raw);
		}
		return raw;
	}

	/** A gateway's key. */
	public static String gateway(String raw) {
		if (!GATEWAY_NAME.matcher(raw).matches()) {
			throw new InvalidValueException("gateway.name.invalid", raw);
		}
		return raw;
	}

	/** Free text: no control characters, at most {@code max} characters. */
	public static String text(String raw, int max) {
		if (raw.length() > max) {
			throw new InvalidValueException("text.tooLong", max);
		}
		if (raw.codePoints().anyMatch((c) -> Character.getType(c) == Character.CONTROL)) {
			throw new InvalidValueException("text.control");
		}
		return raw;
	}

	private static String dnsName(String raw, String code) {
		String ascii;
		try {
			ascii = IDN.toASCII(raw, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException(code, raw);
		}
		if (ascii.isEmpty() || ascii.length() > 253) {
			throw new InvalidValueException(code, raw);
		}
		String[] labels = ascii.split("\\.", -1);
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw new InvalidValueException(code, raw);
			}
		}
		if (labels[labels.length - 1].matches("[0-9]+")) {
			throw new InvalidValueException(code, raw);
		}
		return ascii;
	}

}
