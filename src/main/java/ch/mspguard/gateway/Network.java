package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * A network as the snapshot format writes it: an IPv4 or IPv6 address, an address with a
 * prefix, or one of the keywords {@code any}, {@code internet}, {@code *} (all of IPv4
 * and IPv6). The text is normalised: host bits right of the prefix are cleared, a single
 * address is written without prefix, IPv6 in its canonical compressed form, keywords in
 * lower case.
 *
 * @param text the normalised text, as stored and exported
 * @param blocks the address blocks the network covers (two for a keyword, else one)
 */
public record Network(String text, List<IPAddress> blocks) implements Serializable {

	private static final Set<String> KEYWORDS = Set.of("any", "internet", "*");

	private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder().allowEmpty(false)
		.allowAll(false)
		.allowPrefix(false)
		.allowMask(false)
		.allowSingleSegment(false)
		.allowWildcardedSeparator(false)
		.allow_inet_aton(false)
		.setRangeOptions(RangeParameters.NO_RANGE)
		.getIPv4AddressParametersBuilder()
		.allowLeadingZeros(false)
		.getParentBuilder()
		.getIPv6AddressParametersBuilder()
		.allowZone(false)
		.getParentBuilder()
		.toParams();

	private static final List<IPAddress> EVERYTHING = List.of(new IPAddressString("0.0.0.0/0").getAddress(),
			new IPAddressString("::/0").getAddress());

	public Network {
		blocks = List.copyOf(blocks);
	}

	/**
	 * Serialized as its normalised text (import previews are kept in the database): the
	 * address objects carry caches and locks that have no business there.
	 */
	private Object writeReplace() {
		return new SerializedNetwork(this.text);
	}

	private record SerializedNetwork(String text) implements Serializable {

		private Object readResolve() {
			return Network.parse(this.text);
		}

	}

	/**
	 * Parses and normalises a network.
	 * @throws InvalidValueException naming what is wrong with the text
	 */
	public static Network parse(String raw) {
		if (raw == null || raw.isEmpty()) {
			throw new InvalidValueException("network.empty");
		}
		if (!raw.strip().equals(raw) || raw.contains(" ")) {
			throw new InvalidValueException("network.spaces", raw);
		}
		String lower = raw.toLowerCase(Locale.ROOT);
		if (KEYWORDS.contains(lower)) {
			return new Network(lower, EVERYTHING);
		}
		int slash = lower.indexOf('/');
		IPAddress address = parseAddress((slash < 0) ? lower : lower.substring(0, slash), raw);
		int bits = address.getBitCount();
		int prefix = (slash < 0) ? bits : parsePrefix(lower.substring(slash + 1), address.isIPv4(), raw);
		IPAddress block = address.toPrefixBlock(prefix);
		String text = (prefix == bits) ? address.withoutPrefixLength().toCanonicalString()
				: block.getLower().withoutPrefixLength().toCanonicalString() + "/" + prefix;
		return new Network(text, List.of(block));
	}

	/** Whether the text parses as a network. */
	public static boolean isValid(String raw) {
		try {
			parse(raw);
			return true;
		}
		catch (InvalidValueException ex) {
			return false;
		}
	}

	private static IPAddress parseAddress(String text, String raw) {
		IPAddress address = new IPAddressString(text, STRICT).getAddress();
		if (address == null) {
			throw new InvalidValueException("network.address", raw);
		}
		return address;
	}

	private static int parsePrefix(String text, boolean ipv4, String raw) {
		int max = ipv4 ? 32 : 128;
		if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > max) {
			throw new InvalidValueException(ipv4 ? "network.prefix.ipv4" : "network.prefix.ipv6", raw);
		}
		return Integer.parseInt(text);
	}

	/** Whether this is one of the keywords standing for all addresses. */
	public boolean isKeyword() {
		return KEYWORDS.contains(this.text);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
