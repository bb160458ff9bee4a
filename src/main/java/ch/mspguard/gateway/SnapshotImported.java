package ch.mspguard.gateway;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction of every import (API, upload, SEPPmail pull, demo
 * data), after the configuration was written, so that listeners can keep a history of
 * imports.
 *
 * @param gatewayId the gateway
 * @param gatewayName its name
 * @param source the kind of import, e.g. {@code api} or {@code seppmail-pull}
 * @param origin where the data came from (file names, an endpoint), may be null
 * @param diff what changed
 * @param usersWithoutTenant accounts of removed tenants, which lost their access
 */
public record SnapshotImported(UUID gatewayId, String gatewayName, String source, String origin, SnapshotDiff diff,
		List<String> usersWithoutTenant) {

}
