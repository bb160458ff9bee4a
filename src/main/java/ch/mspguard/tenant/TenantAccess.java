package ch.mspguard.tenant;

import java.util.UUID;

/**
 * The application's check of who may see which tenant; row-level security in the database
 * is the second wall behind it.
 */
public final class TenantAccess {

	private TenantAccess() {
	}

	/**
	 * Returns the tenant id when the current actor may see it.
	 * @throws TenantNotFoundException when the actor may not (the same answer as for a
	 * tenant that does not exist)
	 */
	public static UUID requireVisible(UUID tenantId) {
		if (!Actor.current().map((actor) -> actor.maySee(tenantId)).orElse(false)) {
			throw new TenantNotFoundException(tenantId);
		}
		return tenantId;
	}

}
