package ch.mspguard.gateway;

import java.io.IOException;
import java.util.List;
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
	ImportBody importSnapshot(HttpServletRequest request) throws IOException {
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

	/** The answer to an import: what the gateway now holds and what changed. */
	record ImportBody(Ref gateway, List<Ref> tenants, Removed removed, Changed changed) {

		record Ref(UUID id, String name) {
		}

		record Removed(List<String> tenants, List<String> domains, List<String> usersWithoutTenant) {
		}

		record Changed(boolean newGateway, List<String> tenantsAdded, int domainsAdded, int domainsChanged) {
		}

	}

	static ImportBody body(ImportResult result) {
		SnapshotDiff diff = result.diff();
		return new ImportBody(new ImportBody.Ref(result.gatewayId(), result.gatewayName()),
				result.tenants().stream().map((t) -> new ImportBody.Ref(t.id(), t.name())).toList(),
				new ImportBody.Removed(diff.removedTenants(),
						diff.removedDomains().stream().map(SnapshotDiff.DomainRef::domain).toList(),
						result.usersWithoutTenant()),
				new ImportBody.Changed(diff.newGateway(), diff.addedTenants(), diff.addedDomains().size(),
						diff.changedDomains().size()));
	}

}
