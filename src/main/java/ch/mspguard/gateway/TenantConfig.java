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

	/** This tenant with other domains. */
	public TenantConfig withDomains(List<DomainConfig> newDomains) {
		return new TenantConfig(this.name, this.displayName, this.adminEmail, this.mailServerTls, this.vpnTunnel,
				newDomains, this.applianceAdmins);
	}

	/**
	 * This tenant with the fields a form or an appliance edits (display name, admin
	 * e-mail, attested TLS, VPN), its name, domains and appliance admins kept.
	 */
	public TenantConfig withSettings(String newDisplayName, String newAdminEmail, MailServerTls newMailServerTls,
			Boolean newVpnTunnel) {
		return new TenantConfig(this.name, newDisplayName, newAdminEmail, newMailServerTls, newVpnTunnel, this.domains,
				this.applianceAdmins);
	}

	public boolean hasVpnTunnel() {
		return Boolean.TRUE.equals(this.vpnTunnel);
	}

}
