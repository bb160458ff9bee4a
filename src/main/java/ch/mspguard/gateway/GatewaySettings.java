package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;

/**
 * The gateway-wide settings. A {@code null} value or list means "not recorded", which the
 * checklist tells apart from "recorded as empty" or "disabled".
 *
 * @param name the gateway's key
 * @param hostname DNS name, may be null
 * @param hosting where it runs, may be null
 * @param requireTlsEncryption Mail System › SMTP settings › Require TLS encryption
 * @param rejectSpoofedSenderDomain Protection pack › Reject incoming mails with spoofed
 * sender domain
 * @param relayingNetworks Mail System › Relaying
 * @param exchangeOnlineRelayingNetworks Mail System › Exchange Online Relaying
 * @param manualListEntries Mail System › Manual blocklisting / welcomelisting
 * @param smtpInboundSources who may reach TCP 25
 * @param adminInboundSources who may reach the admin GUI and REST API ports
 */
public record GatewaySettings(String name, String hostname, Hosting hosting, Boolean requireTlsEncryption,
		Boolean rejectSpoofedSenderDomain, List<Network> relayingNetworks, List<Network> exchangeOnlineRelayingNetworks,
		List<ManualListEntry> manualListEntries, List<Network> smtpInboundSources,
		List<Network> adminInboundSources) implements Serializable {

	public GatewaySettings {
		relayingNetworks = copyOrNull(relayingNetworks);
		exchangeOnlineRelayingNetworks = copyOrNull(exchangeOnlineRelayingNetworks);
		manualListEntries = copyOrNull(manualListEntries);
		smtpInboundSources = copyOrNull(smtpInboundSources);
		adminInboundSources = copyOrNull(adminInboundSources);
	}

	private static <T> List<T> copyOrNull(List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/** These settings under another gateway name. */
	public GatewaySettings withName(String newName) {
		return new GatewaySettings(newName, this.hostname, this.hosting, this.requireTlsEncryption,
				this.rejectSpoofedSenderDomain, this.relayingNetworks, this.exchangeOnlineRelayingNetworks,
				this.manualListEntries, this.smtpInboundSources, this.adminInboundSources);
	}

}
