package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/**
 * One gateway with its settings, tenants and managed domains: everything the checklist
 * reads, immutable, the same whether it comes from the database, an uploaded document or
 * a benchmark generator.
 *
 * @param gateway the gateway-wide settings
 * @param tenants the tenants in document order
 */
public record GatewaySnapshot(GatewaySettings gateway, List<TenantConfig> tenants) implements Serializable {

	public static final String FORMAT = "seppmail-hardening-snapshot/1";

	public GatewaySnapshot {
		tenants = List.copyOf(tenants);
	}

	public Stream<DomainConfig> domains() {
		return this.tenants.stream().flatMap((tenant) -> tenant.domains().stream());
	}

	/** At least one domain, and all of them Exchange Online domains. */
	public boolean isPureExchangeOnline() {
		return domains().findAny().isPresent() && domains().allMatch(DomainConfig::isExchangeOnline);
	}

	/** At least one Exchange Online domain and at least one other. */
	public boolean isMixed() {
		return domains().anyMatch(DomainConfig::isExchangeOnline)
				&& domains().anyMatch((domain) -> !domain.isExchangeOnline());
	}

}
