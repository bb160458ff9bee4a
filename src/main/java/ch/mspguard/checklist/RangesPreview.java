package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;

import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;

/**
 * A replacement of the Exchange Online ranges worked out but not carried out: what it
 * adds and removes and which gateways' outcomes it changes. Kept on the server until its
 * operator applies or refuses it.
 *
 * @param id random key, the only thing the page carries
 * @param owner the operator who uploaded the document
 * @param createdAt when
 * @param version Microsoft's version of the list
 * @param fileName the uploaded file's name
 * @param networks the new ranges
 * @param added ranges the current list lacks
 * @param removed current ranges the new list lacks
 * @param changes gateways whose findings would change
 */
public record RangesPreview(String id, String owner, Instant createdAt, String version, String fileName,
		List<Network> networks, List<Network> added, List<Network> removed, List<GatewayChange> changes) {

	public RangesPreview {
		networks = List.copyOf(networks);
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changes = List.copyOf(changes);
	}

	/**
	 * Whether the new list has no IPv6 range, as Microsoft's service answers with
	 * {@code NoIPv6=true}: replacing a complete list with it would make every IPv6 source
	 * of Exchange Online unknown to the checklist.
	 */
	public boolean lacksIpv6() {
		return this.networks.stream()
			.noneMatch((network) -> !network.isKeyword() && network.blocks().stream().anyMatch(IPAddress::isIPv6));
	}

	/**
	 * @param gateway the gateway's name
	 * @param before its light now
	 * @param after its light with the new ranges
	 * @param findings how many of its findings change their outcome
	 */
	public record GatewayChange(String gateway, Light before, Light after, int findings) {
	}

}
