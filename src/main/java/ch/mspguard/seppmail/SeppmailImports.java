package ch.mspguard.seppmail;

import ch.mspguard.imports.ImportPreview;
import ch.mspguard.imports.ImportPreviews;

import org.springframework.stereotype.Service;

/**
 * Turns the appliance's two responses into a pending import preview, whether uploaded or
 * pulled.
 */
@Service
class SeppmailImports {

	static final String UPLOAD = "seppmail-upload";

	static final String PULL = "seppmail-pull";

	static final String SCHEDULE = "seppmail-schedule";

	private final SeppmailMapping mapping;

	private final ImportPreviews previews;

	SeppmailImports(SeppmailMapping mapping, ImportPreviews previews) {
		this.mapping = mapping;
		this.previews = previews;
	}

	/**
	 * @throws ch.mspguard.gateway.SnapshotInvalidException with every problem of the
	 * responses; nothing is kept then
	 */
	ImportPreview preview(String gatewayName, byte[] customers, byte[] domains, String source, String origin) {
		return preview(gatewayName, this.mapping.map(customers, domains), source, origin);
	}

	/**
	 * @param domainCustomer the customer of domains saved without it, or null
	 * @throws ch.mspguard.gateway.SnapshotInvalidException with every problem of the
	 * responses; nothing is kept then
	 */
	ImportPreview preview(String gatewayName, byte[] customers, byte[] domains, String domainCustomer, String source,
			String origin) {
		return preview(gatewayName, this.mapping.map(customers, domains, domainCustomer), source, origin);
	}

	private ImportPreview preview(String gatewayName, ApiConfiguration configuration, String source, String origin) {
		return this.previews.prepare(gatewayName, (stored) -> configuration.merge(gatewayName, stored), source, origin,
				configuration.warnings());
	}

}
