package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A managed domain as the checklist sees it.
 *
 * @param name the domain, lower case (IDN as punycode)
 * @param forwardingHost host name or IP literal of the tenant's mail server, may be null
 * @param tlsLevel TLS level towards the mail server, null when not recorded
 * @param tlsFingerprints fingerprints for the level "fingerprint"
 * @param allowedSendingServers "Allowed sending servers for this domain"
 * @param headerCheck header check, may be null
 * @param exchangeOnlineTenantId Microsoft 365 tenant id of the Exchange Online
 * integration, may be null
 */
public record DomainConfig(String name, String forwardingHost, TlsLevel tlsLevel, List<Fingerprint> tlsFingerprints,
		List<Network> allowedSendingServers, HeaderCheck headerCheck,
		UUID exchangeOnlineTenantId) implements Serializable {

	public DomainConfig {
		tlsFingerprints = List.copyOf(tlsFingerprints);
		allowedSendingServers = List.copyOf(allowedSendingServers);
	}

	/** An Exchange Online domain in the sense of the checklist. */
	public boolean isExchangeOnline() {
		return this.exchangeOnlineTenantId != null;
	}

}
