package ch.mspguard.imports;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import ch.mspguard.checklist.Light;
import ch.mspguard.gateway.ImportPlan;
import ch.mspguard.gateway.ValidationError;

/**
 * An import worked out but not carried out: kept on the server (never in the page) until
 * its operator applies or discards it, or it expires.
 *
 * @param id random key, the only thing the page carries
 * @param owner the user who made it; nobody else may see or apply it
 * @param createdAt when it was made
 * @param source the kind of import, e.g. {@code snapshot-upload}
 * @param origin where the data came from (file names, an endpoint)
 * @param plan what the import would do
 * @param gatewayLight the gateway's own light now (null for a new gateway) and after
 * @param tenantLights each tenant's light now and after, tenants of both configurations
 * @param warnings what the source could not record or had to repair, with JSON pointers
 * into its documents; the import goes ahead without those values
 */
public record ImportPreview(String id, String owner, Instant createdAt, String source, String origin, ImportPlan plan,
		LightChange gatewayLight, List<TenantLight> tenantLights,
		List<ValidationError> warnings) implements Serializable {

	public ImportPreview {
		tenantLights = List.copyOf(tenantLights);
		warnings = List.copyOf(warnings);
	}

	public String gatewayName() {
		return this.plan.gatewayName();
	}

	/**
	 * A light before and after; {@code null} where the subject does not exist.
	 *
	 * @param before the light evaluated on the stored configuration
	 * @param after the light of a dry run on the imported configuration
	 */
	public record LightChange(Light before, Light after) implements Serializable {

		public boolean changed() {
			return this.before != this.after;
		}

	}

	/**
	 * @param tenant the tenant's name
	 * @param light its light before and after
	 */
	public record TenantLight(String tenant, LightChange light) implements Serializable {
	}

}
