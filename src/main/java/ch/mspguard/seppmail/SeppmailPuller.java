package ch.mspguard.seppmail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.gateway.GatewayChangedException;
import ch.mspguard.gateway.ImportPlan;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.imports.ImportPreview;

import org.springframework.stereotype.Service;

/**
 * Pulls a gateway's tenants and domains from its appliance: on an operator's request into
 * a preview, on the schedule straight into the gateway or only into the endpoint's
 * status. No database transaction is open while the appliance is asked.
 */
@Service
class SeppmailPuller {

	static final String UNCHANGED = "UNCHANGED";

	static final String PREVIEWED = "PREVIEWED";

	static final String CHANGES_WAITING = "CHANGES_WAITING";

	static final String APPLIED = "APPLIED";

	static final String FAILED = "FAILED";

	private final EndpointStore endpoints;

	private final SeppmailClient client;

	private final SeppmailMapping mapping;

	private final SeppmailImports imports;

	private final SnapshotImporter importer;

	SeppmailPuller(EndpointStore endpoints, SeppmailClient client, SeppmailMapping mapping, SeppmailImports imports,
			SnapshotImporter importer) {
		this.endpoints = endpoints;
		this.client = client;
		this.mapping = mapping;
		this.imports = imports;
		this.importer = importer;
	}

	/**
	 * "Pull now": fetches and prepares a preview for the current operator.
	 * @throws PullFailedException when the appliance gives no usable answer
	 * @throws SnapshotInvalidException when its answer does not pass validation
	 */
	ImportPreview pullForPreview(UUID gatewayId) {
		Endpoint endpoint = configured(gatewayId);
		try {
			SeppmailClient.Responses responses = fetch(endpoint);
			ImportPreview preview = this.imports.preview(endpoint.gatewayName(), responses.customers(),
					responses.domains(), SeppmailImports.PULL, endpoint.baseUrl());
			SnapshotDiff diff = preview.plan().diff();
			if (diff.isEmpty()) {
				// The appliance said what is stored: the data is confirmed, nothing to
				// apply.
				this.importer.confirmUnchanged(preview.plan(), SeppmailImports.PULL);
			}
			this.endpoints.recordPull(gatewayId, diff.isEmpty() ? UNCHANGED : PREVIEWED,
					"seppmail.status." + (diff.isEmpty() ? "unchanged" : "previewed"), counts(diff),
					preview.warnings());
			return preview;
		}
		catch (PullFailedException ex) {
			this.endpoints.recordPull(gatewayId, FAILED, ex.messageKey(), List.of(ex.arguments()));
			throw ex;
		}
		catch (SnapshotInvalidException ex) {
			this.endpoints.recordPull(gatewayId, FAILED, "seppmail.status.invalid", List.of(ex.errors().size()));
			throw ex;
		}
	}

	/**
	 * A scheduled pull: applies the changes when the endpoint says so, otherwise records
	 * that changes wait for an operator. Failures are recorded, not thrown.
	 * @return the outcome recorded
	 */
	String pullScheduled(UUID gatewayId) {
		Endpoint endpoint = configured(gatewayId);
		try {
			SeppmailClient.Responses responses = fetch(endpoint);
			ApiConfiguration configuration = this.mapping.map(responses.customers(), responses.domains());
			String name = endpoint.gatewayName();
			ImportPlan plan = this.importer.plan(name, (stored) -> configuration.merge(name, stored));
			String outcome = plan.diff().isEmpty() ? UNCHANGED : (endpoint.autoApply() ? APPLIED : CHANGES_WAITING);
			if (APPLIED.equals(outcome)) {
				this.importer.apply(plan, SeppmailImports.SCHEDULE, endpoint.baseUrl());
			}
			else if (UNCHANGED.equals(outcome)) {
				this.importer.confirmUnchanged(plan, SeppmailImports.SCHEDULE);
			}
			this.endpoints.recordScheduledPull(endpoint, outcome,
					"seppmail.status." + outcome.toLowerCase(Locale.ROOT).replace('_', '-'), counts(plan.diff()),
					configuration.warnings());
			return outcome;
		}
		catch (PullFailedException ex) {
			this.endpoints.recordScheduledPull(endpoint, FAILED, ex.messageKey(), List.of(ex.arguments()), List.of());
		}
		catch (SnapshotInvalidException ex) {
			this.endpoints.recordScheduledPull(endpoint, FAILED, "seppmail.status.invalid", List.of(ex.errors().size()),
					List.of());
		}
		catch (GatewayChangedException ex) {
			this.endpoints.recordScheduledPull(endpoint, FAILED, "seppmail.status.raced", List.of(), List.of());
		}
		return FAILED;
	}

	private Endpoint configured(UUID gatewayId) {
		return this.endpoints.find(gatewayId)
			.filter(Endpoint::isConfigured)
			.orElseThrow(() -> new NotFoundException("endpoint of gateway " + gatewayId));
	}

	private SeppmailClient.Responses fetch(Endpoint endpoint) {
		return this.client.fetch(URI.create(endpoint.baseUrl()), this.endpoints.credentials(endpoint.gatewayId()),
				endpoint.caCertificate());
	}

	private static List<Object> counts(SnapshotDiff diff) {
		return List.of(diff.addedTenants().size() + diff.removedTenants().size() + diff.changedTenants().size(),
				diff.addedDomains().size() + diff.removedDomains().size() + diff.changedDomains().size());
	}

}
