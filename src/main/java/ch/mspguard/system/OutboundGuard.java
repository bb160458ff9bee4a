package ch.mspguard.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Checks where an outbound connection would go before it is made: the SEPPmail pull
 * today, webhooks and other outbound connections later (issue 18). A user who may
 * configure a URL must not be able to make the server reach what only the server can
 * reach. Refused after name resolution, for every address the name resolves to: loopback,
 * link-local, unspecified, multicast, the cloud metadata addresses, and private,
 * shared-address and unique-local networks unless an operator allows them with
 * {@code hardening.outbound.allowed-networks}. Metadata addresses are never allowed.
 * <p>
 * Callers must not follow redirects, or must check every redirect's target here again.
 * The check resolves the name itself; a name whose answer changes between this check and
 * the connection (DNS rebinding) is not caught, which is why callers also pin TLS
 * certificates where they can.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundGuard {

	private static final List<IPAddress> METADATA = blocks("169.254.169.254/32", "169.254.170.2/32",
			"100.100.100.200/32", "192.0.0.192/32", "fd00:ec2::254/128");

	private static final List<IPAddress> INTERNAL = blocks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
			"169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
			"::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b:1::/48");

	private final List<IPAddress> allowed;

	public OutboundGuard(OutboundProperties properties) {
		this.allowed = properties.allowedNetworks().stream().map(OutboundGuard::block).toList();
	}

	/**
	 * @throws OutboundRefusedException when the host does not resolve or one of its
	 * addresses is not allowed
	 */
	public void check(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException | SecurityException ex) {
			throw new OutboundRefusedException(host, false);
		}
		for (InetAddress address : addresses) {
			if (!isAllowed(address)) {
				throw new OutboundRefusedException(host, true);
			}
		}
	}

	boolean isAllowed(InetAddress address) {
		IPAddress ip = new IPAddressString(address.getHostAddress()).getAddress();
		if (ip == null) {
			return false;
		}
		if (ip.isIPv6() && ip.toIPv6().isIPv4Mapped()) {
			ip = ip.toIPv6().getEmbeddedIPv4Address();
		}
		IPAddress candidate = ip;
		if (METADATA.stream().anyMatch((block) -> contains(block, candidate))) {
			return false;
		}
		if (INTERNAL.stream().noneMatch((block) -> contains(block, candidate))) {
			return true;
		}
		return this.allowed.stream().anyMatch((block) -> contains(block, candidate));
	}

	private static boolean contains(IPAddress block, IPAddress address) {
		return block.isIPv4() == address.isIPv4() && block.contains(address);
	}

	private static List<IPAddress> blocks(String... texts) {
		return List.of(texts).stream().map(OutboundGuard::block).toList();
	}

	private static IPAddress block(String text) {
		IPAddress address = new IPAddressString(text.strip()).getAddress();
		if (address == null) {
			throw new IllegalArgumentException("hardening.outbound.allowed-networks: not a network: " + text);
		}
		return address.toPrefixBlock();
	}

	/**
	 * The connection was not made: the name does not resolve, or it resolves to an
	 * address that is not allowed. Says no more than that, so that it cannot be used to
	 * map the server's network.
	 */
	public static class OutboundRefusedException extends RuntimeException {

		private final String host;

		private final boolean notAllowed;

		OutboundRefusedException(String host, boolean notAllowed) {
			super(notAllowed ? "Outbound connection to a refused address" : "Host does not resolve");
			this.host = host;
			this.notAllowed = notAllowed;
		}

		public String host() {
			return this.host;
		}

		/** Whether the name resolved, to an address that is not allowed. */
		public boolean notAllowed() {
			return this.notAllowed;
		}

	}

}
