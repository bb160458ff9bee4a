package ch.mspguard.gateway;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A gateway's configuration versions for scripts: the list, and the field-by-field diff
 * of any two. Operator and auditor data: a tenant admin reads the changes of their own
 * tenant's fields in its light history instead.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class VersionApiController {

	private final ConfigurationVersions versions;

	private final GatewayDirectory gateways;

	VersionApiController(ConfigurationVersions versions, GatewayDirectory gateways) {
		this.versions = versions;
		this.gateways = gateways;
	}

	@GetMapping(path = "/api/gateways/{gatewayId}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ConfigurationVersions.Version> versions(@PathVariable UUID gatewayId) {
		requireGateway(gatewayId);
		return this.versions.list(gatewayId);
	}

	@GetMapping(path = "/api/gateways/{gatewayId}/versions/{from}/diff/{to}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	SnapshotDiff diff(@PathVariable UUID gatewayId, @PathVariable int from, @PathVariable int to) {
		requireGateway(gatewayId);
		return this.versions.diff(gatewayId, from, to)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"version: gateway " + gatewayId + " has no version " + from + " or " + to));
	}

	private void requireGateway(UUID gatewayId) {
		if (this.gateways.gateway(gatewayId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "gateway: no gateway " + gatewayId);
		}
	}

}
