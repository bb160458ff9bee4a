package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A managed domain as the checklist sees it.
 *
 * @param name the domain, lower case (IDN as punycode)
 * @param forwardingHost host name or IP literal of the tenant's mail server, may be null
 * @param tlsLevel TLS level towards the mail server, null when not recorded or not known
 * to this checklist version
 * @param tlsFingerprints fingerprints for the level "fingerprint"
 * @param allowedSendingServers "Allowed sending servers for this domain"
 * @param headerCheck header check, may be null
 * @param exchangeOnlineTenantId Microsoft 365 tenant id of the Exchange Online
 * integration, may be null
 * @param unknownTlsLevel the level as the appliance sent it when it is none of
 * {@link TlsLevel} (newer firmware, Postfix's {@code dane}), else null
 * @param forwardingPort the forwarding port the appliance reports, null when not reported
 * @param noMxLookup whether the appliance delivers to the forwarding host literally (no
 * MX lookup), null when not reported
 * @param smarthost the per-domain smarthost, null when none is set
 */
public record DomainConfig(String name, String forwardingHost, TlsLevel tlsLevel, List<Fingerprint> tlsFingerprints,
		List<Network> allowedSendingServers, HeaderCheck headerCheck, UUID exchangeOnlineTenantId,
		String unknownTlsLevel, Integer forwardingPort, Boolean noMxLookup, String smarthost) implements Serializable {

	public DomainConfig {
		tlsFingerprints = List.copyOf(tlsFingerprints);
		allowedSendingServers = List.copyOf(allowedSendingServers);
	}

	/** A domain of the snapshot format, which carries no appliance delivery details. */
	public DomainConfig(String name, String forwardingHost, TlsLevel tlsLevel, List<Fingerprint> tlsFingerprints,
			List<Network> allowedSendingServers, HeaderCheck headerCheck, UUID exchangeOnlineTenantId) {
		this(name, forwardingHost, tlsLevel, tlsFingerprints, allowedSendingServers, headerCheck,
				exchangeOnlineTenantId, null, null, null, null);
	}

	/** This domain under another name. */
	public DomainConfig withName(String newName) {
		return new DomainConfig(newName, this.forwardingHost, this.tlsLevel, this.tlsFingerprints,
				this.allowedSendingServers, this.headerCheck, this.exchangeOnlineTenantId, this.unknownTlsLevel,
				this.forwardingPort, this.noMxLookup, this.smarthost);
	}

	/** This domain with another header check. */
	public DomainConfig withHeaderCheck(HeaderCheck newHeaderCheck) {
		return new DomainConfig(this.name, this.forwardingHost, this.tlsLevel, this.tlsFingerprints,
				this.allowedSendingServers, newHeaderCheck, this.exchangeOnlineTenantId, this.unknownTlsLevel,
				this.forwardingPort, this.noMxLookup, this.smarthost);
	}

	/** An Exchange Online domain in the sense of the checklist. */
	public boolean isExchangeOnline() {
		return this.exchangeOnlineTenantId != null;
	}

	/** The TLS level as text: a known level, or the raw one the appliance sent. */
	public String tlsLevelText() {
		return (this.tlsLevel != null) ? this.tlsLevel.jsonValue() : this.unknownTlsLevel;
	}

	/**
	 * This domain as edited in a form, which shows neither the appliance's delivery
	 * details nor an unknown level: those are kept from {@code stored}, the unknown level
	 * only while the form sets no level.
	 */
	public DomainConfig keepingApplianceDetailsOf(DomainConfig stored) {
		return new DomainConfig(this.name, this.forwardingHost, this.tlsLevel, this.tlsFingerprints,
				this.allowedSendingServers, this.headerCheck, this.exchangeOnlineTenantId,
				(this.tlsLevel == null) ? stored.unknownTlsLevel() : null, stored.forwardingPort(), stored.noMxLookup(),
				stored.smarthost());
	}

}
