package ch.mspguard.imports;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.UnassignedTenants;

/**
 * What the preview page shows of a pending import. Long lists are cut at {@link #SHOWN}
 * entries with a count of the rest, so that a first import of thousands of domains still
 * renders quickly.
 *
 * @param preview the pending import
 */
public record PreviewView(ImportPreview preview) {

	public static final int SHOWN = 500;

	/** A tenant as the preview lists it. */
	public record TenantRow(String name, String displayName, boolean unassigned, int domains) {
	}

	public SnapshotDiff diff() {
		return this.preview.plan().diff();
	}

	public boolean isEmpty() {
		return diff().isEmpty();
	}

	public List<TenantRow> addedTenants() {
		return rows(this.preview.plan().after(), diff().addedTenants());
	}

	public List<TenantRow> removedTenants() {
		return rows(this.preview.plan().before(), diff().removedTenants());
	}

	public <T> List<T> shown(List<T> items) {
		return items.subList(0, Math.min(SHOWN, items.size()));
	}

	public int more(List<?> items) {
		return Math.max(0, items.size() - SHOWN);
	}

	/** Tenants whose light changes (new and removed ones included), most severe first. */
	public List<ImportPreview.TenantLight> lightChanges() {
		return this.preview.tenantLights()
			.stream()
			.filter((tenant) -> tenant.light().changed())
			.sorted(Comparator.comparing((ImportPreview.TenantLight tenant) -> severity(tenant.light().after()))
				.thenComparing(ImportPreview.TenantLight::tenant))
			.toList();
	}

	public long unchangedLights() {
		return this.preview.tenantLights().stream().filter((tenant) -> !tenant.light().changed()).count();
	}

	public boolean isUnassigned(String tenant) {
		return UnassignedTenants.isUnassigned(tenant);
	}

	private static int severity(ch.mspguard.checklist.Light light) {
		return (light != null) ? -light.ordinal() : 1;
	}

	private static List<TenantRow> rows(GatewaySnapshot snapshot, List<String> names) {
		if (snapshot == null) {
			return List.of();
		}
		Map<String, TenantConfig> byName = snapshot.tenants()
			.stream()
			.collect(Collectors.toMap(TenantConfig::name, Function.identity()));
		return names.stream()
			.map(byName::get)
			.map((tenant) -> new TenantRow(tenant.name(), tenant.displayName(),
					UnassignedTenants.isUnassigned(tenant.name()), tenant.domains().size()))
			.toList();
	}

}
