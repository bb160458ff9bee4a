package ch.mspguard.tenant;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A tenant that does not exist or that the actor may not see: both answer 404, so that a
 * tenant admin cannot even learn whether another tenant's id exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TenantNotFoundException extends RuntimeException {

	public TenantNotFoundException(UUID tenantId) {
		super("No tenant " + tenantId);
	}

}
