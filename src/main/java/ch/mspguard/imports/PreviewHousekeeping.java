package ch.mspguard.imports;

import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes every operator's expired previews (an operator's own transactions see only
 * their own), on one instance at a time.
 */
@Component
class PreviewHousekeeping {

	private final PreviewStore store;

	private final ClusterLock lock;

	PreviewHousekeeping(PreviewStore store, ClusterLock lock) {
		this.store = store;
		this.lock = lock;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
	void removeExpired() {
		this.lock.runExclusively("import-preview-housekeeping",
				() -> SystemActor.run("import-preview-housekeeping", this.store::removeExpired));
	}

}
