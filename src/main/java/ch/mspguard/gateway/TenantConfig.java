package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;

/**
 * A tenant (SEPPmail customer) with its managed domains.
 *
 * @param name the SEPPmail customer name, unique in the gateway
 * @param displayName display name, may be null
 * @param adminEmail admin e-mail, may be null
 * @param mailServerTls attested TLS of the tenant's mail server, null when not recorded
 * @param vpnTunnel whether a VPN tunnel protects the traffic, null when not recorded
 * @param domains the managed domains
 * @param applianceAdmins the customer's admins on the appliance (e-mail addresses as the
 * appliance lists them), empty when none are reported
 */
public record TenantConfig(String name, String displayName, String adminEmail, MailServerTls mailServerTls,
		Boolean vpnTunnel, List<DomainConfig> domains, List<String> applianceAdmins) implements Serializable {

	public TenantConfig {
		domains = List.copyOf(domains);
		applianceAdmins = (applianceAdmins != null) ? List.copyOf(applianceAdmins) : List.of();
	}

	/** A tenant of the snapshot format, which carries no appliance admins. */
	public TenantConfig(String name, String displayName, String adminEmail, MailServerTls mailServerTls,
			Boolean vpnTunnel, List<DomainConfig> domains) {
		this(name, displayName, adminEmail, mailServerTls, vpnTunnel, domains, List.of());
	}

	public boolean hasVpnTunnel() {
		return Boolean.TRUE.equals(this.vpnTunnel);
	}

}
