package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What importing a snapshot would change on a gateway: tenants and domains added, removed
 * and changed field by field. The importer writes exactly this; the preview shows it.
 *
 * @param newGateway whether the gateway does not exist yet
 * @param gatewayChanges changed gateway-wide settings
 * @param addedTenants names of tenants that are new
 * @param removedTenants names of tenants that go, with their domains
 * @param changedTenants tenants whose own fields change
 * @param addedDomains domains that are new
 * @param removedDomains domains that go
 * @param changedDomains domains whose fields change (a move to another tenant included)
 */
public record SnapshotDiff(boolean newGateway, List<FieldChange> gatewayChanges, List<String> addedTenants,
		List<String> removedTenants, List<TenantChange> changedTenants, List<DomainRef> addedDomains,
		List<DomainRef> removedDomains, List<DomainChange> changedDomains) implements Serializable {

	/** A field's value before and after, as text; null means not recorded / absent. */
	public record FieldChange(String field, String before, String after) implements Serializable {
	}

	public record TenantChange(String tenant, List<FieldChange> changes) implements Serializable {
	}

	public record DomainRef(String tenant, String domain) implements Serializable {
	}

	public record DomainChange(String tenant, String domain, List<FieldChange> changes) implements Serializable {
	}

	public boolean isEmpty() {
		return !this.newGateway && this.gatewayChanges.isEmpty() && this.addedTenants.isEmpty()
				&& this.removedTenants.isEmpty() && this.changedTenants.isEmpty() && this.addedDomains.isEmpty()
				&& this.removedDomains.isEmpty() && this.changedDomains.isEmpty();
	}

	/**
	 * @param before the stored configuration, or {@code null} for a new gateway
	 * @param after the configuration to import
	 */
	public static SnapshotDiff between(GatewaySnapshot before, GatewaySnapshot after) {
		GatewaySnapshot old = (before != null) ? before : new GatewaySnapshot(emptySettings(after), List.of());
		Map<String, TenantConfig> oldTenants = byName(old.tenants(), TenantConfig::name);
		Map<String, TenantConfig> newTenants = byName(after.tenants(), TenantConfig::name);
		Map<String, Located> oldDomains = domains(old);
		Map<String, Located> newDomains = domains(after);
		List<TenantChange> changedTenants = new ArrayList<>();
		newTenants.forEach((name, tenant) -> {
			TenantConfig previous = oldTenants.get(name);
			if (previous != null) {
				List<FieldChange> changes = tenantChanges(previous, tenant);
				if (!changes.isEmpty()) {
					changedTenants.add(new TenantChange(name, changes));
				}
			}
		});
		List<DomainChange> changedDomains = new ArrayList<>();
		newDomains.forEach((name, located) -> {
			Located previous = oldDomains.get(name);
			if (previous != null) {
				List<FieldChange> changes = domainChanges(previous, located);
				if (!changes.isEmpty()) {
					changedDomains.add(new DomainChange(located.tenant(), name, changes));
				}
			}
		});
		return new SnapshotDiff(before == null, gatewayChanges(old.gateway(), after.gateway()),
				newTenants.keySet().stream().filter((name) -> !oldTenants.containsKey(name)).toList(),
				oldTenants.keySet().stream().filter((name) -> !newTenants.containsKey(name)).toList(), changedTenants,
				refs(newDomains, oldDomains), refs(oldDomains, newDomains), changedDomains);
	}

	private static GatewaySettings emptySettings(GatewaySnapshot after) {
		return new GatewaySettings(after.gateway().name(), null, null, null, null, null, null, null, null, null);
	}

	private record Located(String tenant, DomainConfig domain) {
	}

	private static Map<String, Located> domains(GatewaySnapshot snapshot) {
		Map<String, Located> result = new LinkedHashMap<>();
		snapshot.tenants()
			.forEach((tenant) -> tenant.domains()
				.forEach((domain) -> result.put(domain.name(), new Located(tenant.name(), domain))));
		return result;
	}

	private static List<DomainRef> refs(Map<String, Located> these, Map<String, Located> notIn) {
		return these.entrySet()
			.stream()
			.filter((entry) -> !notIn.containsKey(entry.getKey()))
			.map((entry) -> new DomainRef(entry.getValue().tenant(), entry.getKey()))
			.toList();
	}

	private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
		Map<String, T> result = new LinkedHashMap<>();
		items.forEach((item) -> result.put(name.apply(item), item));
		return result;
	}

	private static List<FieldChange> gatewayChanges(GatewaySettings a, GatewaySettings b) {
		Changes changes = new Changes();
		changes.compare("hostname", a.hostname(), b.hostname());
		changes.compare("hosting", a.hosting(), b.hosting());
		changes.compare("requireTlsEncryption", a.requireTlsEncryption(), b.requireTlsEncryption());
		changes.compare("rejectSpoofedSenderDomain", a.rejectSpoofedSenderDomain(), b.rejectSpoofedSenderDomain());
		changes.compare("relayingNetworks", a.relayingNetworks(), b.relayingNetworks());
		changes.compare("exchangeOnlineRelayingNetworks", a.exchangeOnlineRelayingNetworks(),
				b.exchangeOnlineRelayingNetworks());
		changes.compare("manualListEntries", a.manualListEntries(), b.manualListEntries());
		changes.compare("smtpInboundSources", a.smtpInboundSources(), b.smtpInboundSources());
		changes.compare("adminInboundSources", a.adminInboundSources(), b.adminInboundSources());
		return changes.list;
	}

	private static List<FieldChange> tenantChanges(TenantConfig a, TenantConfig b) {
		Changes changes = new Changes();
		changes.compare("displayName", a.displayName(), b.displayName());
		changes.compare("adminEmail", a.adminEmail(), b.adminEmail());
		changes.compare("mailServerTls", a.mailServerTls(), b.mailServerTls());
		changes.compare("vpnTunnel", a.vpnTunnel(), b.vpnTunnel());
		changes.compare("applianceAdmins", a.applianceAdmins(), b.applianceAdmins());
		return changes.list;
	}

	private static List<FieldChange> domainChanges(Located a, Located b) {
		List<FieldChange> changes = new ArrayList<>();
		if (!a.tenant().equals(b.tenant())) {
			changes.add(new FieldChange("tenant", a.tenant(), b.tenant()));
		}
		changes.addAll(domainChanges(a.domain(), b.domain()));
		return changes;
	}

	/** The fields in which two configurations of a domain differ, as text. */
	public static List<FieldChange> domainChanges(DomainConfig x, DomainConfig y) {
		Changes changes = new Changes();
		changes.compare("forwardingHost", x.forwardingHost(), y.forwardingHost());
		changes.compare("tlsLevel", x.tlsLevelText(), y.tlsLevelText());
		changes.compare("tlsFingerprints", x.tlsFingerprints(), y.tlsFingerprints());
		changes.compare("allowedSendingServers", x.allowedSendingServers(), y.allowedSendingServers());
		changes.compare("headerCheck", x.headerCheck(), y.headerCheck());
		changes.compare("exchangeOnlineTenantId", x.exchangeOnlineTenantId(), y.exchangeOnlineTenantId());
		changes.compare("forwardingPort", x.forwardingPort(), y.forwardingPort());
		changes.compare("noMxLookup", x.noMxLookup(), y.noMxLookup());
		changes.compare("smarthost", x.smarthost(), y.smarthost());
		return changes.list;
	}

	private static final class Changes {

		private final List<FieldChange> list = new ArrayList<>();

		void compare(String field, Object before, Object after) {
			if (!Objects.equals(before, after)) {
				this.list.add(new FieldChange(field, text(before), text(after)));
			}
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof List<?> list) {
				return String.join(", ", list.stream().map(Changes::text).toList());
			}
			if (value instanceof JsonEnum json) {
				return json.jsonValue();
			}
			if (value instanceof HeaderCheck check) {
				// The start of the keyed hash tells two values apart without revealing
				// either.
				return (check.valueHash() != null)
						? check.name() + ":<redacted " + check.valueHash().substring(0, 8) + "…>"
						: check.redactedText();
			}
			if (value instanceof ManualListEntry entry) {
				return entry.network() + " " + entry.action().jsonValue()
						+ ((entry.comment() != null) ? " (" + entry.comment() + ")" : "");
			}
			return value.toString();
		}

	}

}
