package ch.mspguard.seppmail;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.ValidationError;

/**
 * A gateway's tenants and managed domains as the appliance's REST API describes them. API
 * v1 knows nothing of the gateway-wide settings nor of the dashboard's attestations, so
 * an import keeps those as stored.
 *
 * @param tenants the customers with their domains; attestation fields not recorded
 * @param warnings informational values left "not recorded" and text repaired, each with
 * its JSON pointer; they do not refuse the import
 */
record ApiConfiguration(List<TenantConfig> tenants, List<ValidationError> warnings) {

	ApiConfiguration {
		tenants = List.copyOf(tenants);
		warnings = List.copyOf(warnings);
	}

	/**
	 * The gateway's configuration after an import of these tenants: the stored
	 * gateway-wide settings, and for tenants that exist already their stored mail server
	 * TLS attestation and VPN tunnel.
	 * @param gatewayName the gateway
	 * @param stored its stored configuration, or null for a new gateway
	 */
	GatewaySnapshot merge(String gatewayName, GatewaySnapshot stored) {
		GatewaySettings settings = (stored != null) ? stored.gateway()
				: new GatewaySettings(gatewayName, null, null, null, null, null, null, null, null, null);
		Map<String, TenantConfig> existing = (stored != null)
				? stored.tenants().stream().collect(Collectors.toMap(TenantConfig::name, Function.identity()))
				: Map.of();
		return new GatewaySnapshot(settings, this.tenants.stream().map((tenant) -> {
			TenantConfig old = existing.get(tenant.name());
			return (old == null) ? tenant : tenant.withSettings(tenant.displayName(), tenant.adminEmail(),
					old.mailServerTls(), old.vpnTunnel());
		}).toList());
	}

	int domainCount() {
		return this.tenants.stream().mapToInt((tenant) -> tenant.domains().size()).sum();
	}

}
