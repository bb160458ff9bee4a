package ch.mspguard.gateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The snapshot API for scripts: import a gateway's configuration, export it again.
 */
@RestController
class SnapshotApiController {

	private final SnapshotReader reader;

	private final SnapshotImporter importer;

	private final StoredGatewayLoader loader;

	SnapshotApiController(SnapshotReader reader, SnapshotImporter importer, StoredGatewayLoader loader) {
		this.reader = reader;
		this.importer = importer;
		this.loader = loader;
	}

	@PostMapping(path = "/api/snapshots", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	Map<String, Object> importSnapshot(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > SnapshotReader.MAX_BYTES) {
			throw SnapshotInvalidException.tooLarge(SnapshotReader.MAX_BYTES);
		}
		ImportResult result = this.importer.importSnapshot(this.reader.read(request.getInputStream()), "api");
		return body(result);
	}

	@GetMapping(path = "/api/gateways/{gatewayId}/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	@Transactional(readOnly = true)
	String exportSnapshot(@PathVariable UUID gatewayId) {
		return this.loader.find(gatewayId)
			.map((stored) -> SnapshotJson.write(stored.snapshot()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static Map<String, Object> body(ImportResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("gateway", Map.of("id", result.gatewayId(), "name", result.gatewayName()));
		body.put("tenants", result.tenants().stream().map((t) -> Map.of("id", t.id(), "name", t.name())).toList());
		Map<String, Object> removed = new LinkedHashMap<>();
		removed.put("tenants", result.diff().removedTenants());
		removed.put("domains", result.diff().removedDomains().stream().map(SnapshotDiff.DomainRef::domain).toList());
		removed.put("usersWithoutTenant", result.usersWithoutTenant());
		body.put("removed", removed);
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("newGateway", result.diff().newGateway());
		changed.put("tenantsAdded", result.diff().addedTenants());
		changed.put("domainsAdded", result.diff().addedDomains().size());
		changed.put("domainsChanged", result.diff().changedDomains().size());
		body.put("changed", changed);
		return body;
	}

}
