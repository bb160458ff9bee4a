package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ch.mspguard.checklist.ListArgument;
import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The network vocabulary of the checklist (catch-all, broad, private, placeholder,
 * coverage), computed on address blocks of both families rather than on texts, so that
 * {@code 10.0.0.0/8} and {@code 10.1.2.3} relate as they do on the wire.
 */
public final class Networks {

	/** Shorter IPv4 prefixes than this are broad. */
	public static final int BROAD_IPV4_PREFIX = 24;

	/** Shorter IPv6 prefixes than this are broad. */
	public static final int BROAD_IPV6_PREFIX = 48;

	private static final List<IPAddress> PRIVATE = List.of(block("10.0.0.0/8"), block("172.16.0.0/12"),
			block("192.168.0.0/16"), block("fc00::/7"));

	private Networks() {
	}

	/** A network of prefix length 0 in either family; the keywords are catch-all too. */
	public static boolean isCatchAll(Network network) {
		if (network.isKeyword()) {
			return true;
		}
		for (IPAddress block : network.blocks()) {
			if (prefixLength(block) == 0) {
				return true;
			}
		}
		return false;
	}

	/** IPv4 shorter than /24 or IPv6 shorter than /48, but not catch-all. */
	public static boolean isBroad(Network network) {
		if (isCatchAll(network)) {
			return false;
		}
		for (IPAddress block : network.blocks()) {
			if (prefixLength(block) < (block.isIPv4() ? BROAD_IPV4_PREFIX : BROAD_IPV6_PREFIX)) {
				return true;
			}
		}
		return false;
	}

	/** Inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or fc00::/7. */
	public static boolean isPrivate(Network network) {
		for (IPAddress block : network.blocks()) {
			if (!isPrivate(block)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPrivate(IPAddress block) {
		for (IPAddress range : PRIVATE) {
			if (range.isIPv4() == block.isIPv4() && range.contains(block)) {
				return true;
			}
		}
		return false;
	}

	/** A bare address: /32 or /128. */
	public static boolean isSingleAddress(Network network) {
		return network.blocks().size() == 1 && !network.blocks().get(0).isMultiple();
	}

	/**
	 * The "pseudo IP" of SEPPmail FAQ §6: a single private address that no relaying
	 * network contains, so it can never match a real sender.
	 * @param entry an allowed-sending-server entry
	 * @param relayingNetworks the gateway's relaying networks, {@code null} when not
	 * recorded (then every single private address counts)
	 */
	public static boolean isPlaceholder(Network entry, NetworkUnion relayingNetworks) {
		return isSingleAddress(entry) && isPrivate(entry)
				&& (relayingNetworks == null || !relayingNetworks.covers(entry));
	}

	/** Same as {@link #isPlaceholder(Network, NetworkUnion)} for a plain list. */
	public static boolean isPlaceholder(Network entry, List<Network> relayingNetworks) {
		return isPlaceholder(entry, (relayingNetworks != null) ? NetworkUnion.of(relayingNetworks) : null);
	}

	/** Whether every address of {@code inner} lies in {@code outer}. */
	public static boolean contains(Network outer, Network inner) {
		return NetworkUnion.of(List.of(outer)).covers(inner);
	}

	/** Whether the two networks share at least one address. */
	public static boolean overlaps(Network first, Network second) {
		return first.blocks()
			.stream()
			.anyMatch((a) -> second.blocks().stream().anyMatch((b) -> a.isIPv4() == b.isIPv4() && a.overlaps(b)));
	}

	/**
	 * The required networks that the union of {@code available} does not cover entirely,
	 * in their order and without duplicates.
	 */
	public static List<Network> uncovered(Collection<Network> required, Collection<Network> available) {
		NetworkUnion union = NetworkUnion.of(available);
		Set<Network> result = new LinkedHashSet<>();
		for (Network network : required) {
			if (!union.covers(network)) {
				result.add(network);
			}
		}
		return new ArrayList<>(result);
	}

	/**
	 * The networks' texts joined for a message argument, the first few only (see
	 * {@link ListArgument}).
	 */
	public static String join(Collection<Network> networks) {
		Set<String> texts = new LinkedHashSet<>();
		for (Network network : networks) {
			texts.add(network.text());
		}
		return ListArgument.join(texts);
	}

	/**
	 * The prefix length of a block. The attribute is cheap and exact for the prefix
	 * blocks {@link Network#parse} builds; a block without one is measured from its
	 * addresses.
	 */
	static int prefixLength(IPAddress block) {
		Integer prefix = block.getPrefixLength();
		return (prefix != null && block.isPrefixBlock()) ? prefix : block.getMinPrefixLengthForBlock();
	}

	private static IPAddress block(String text) {
		return new IPAddressString(text).getAddress().toPrefixBlock();
	}

}
