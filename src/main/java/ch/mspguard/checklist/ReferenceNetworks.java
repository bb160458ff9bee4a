package ch.mspguard.checklist;

import java.util.List;

import ch.mspguard.gateway.Network;

/**
 * A versioned list of networks published by a third party, such as the Exchange Online
 * TCP 25 sources.
 *
 * @param version the publisher's version
 * @param networks the networks
 */
public record ReferenceNetworks(String version, List<Network> networks) {

	public ReferenceNetworks {
		networks = List.copyOf(networks);
	}

	/** Version 2022072800 of Microsoft's list, as the checklist ships it. */
	public static ReferenceNetworks exchangeOnlineDefault() {
		return new ReferenceNetworks("2022072800", List
			.of("40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400::/48",
					"2a01:111:f403::/48")
			.stream()
			.map(Network::parse)
			.toList());
	}

}
