package ch.mspguard.report;

import java.util.concurrent.Semaphore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Bounds how many exports run at once, so that a few large exports cannot take every
 * database connection and the whole processor from the dashboard. An export that finds no
 * free slot is refused at once rather than queued: the user retries later.
 */
@Component
@EnableConfigurationProperties(ExportProperties.class)
class ExportSlots {

	private final Semaphore large;

	private final Semaphore tenant;

	private final ExportProperties properties;

	ExportSlots(ExportProperties properties) {
		this.properties = properties;
		this.large = new Semaphore(properties.largeConcurrency());
		this.tenant = new Semaphore(properties.tenantConcurrency());
	}

	/** A slot for an all-tenant export; close it when done. */
	Slot large() {
		return acquire(this.large);
	}

	/** A slot for a single tenant's export; close it when done. */
	Slot tenant() {
		return acquire(this.tenant);
	}

	private Slot acquire(Semaphore semaphore) {
		if (!semaphore.tryAcquire()) {
			throw new ExportsBusyException(this.properties.retryAfter());
		}
		return semaphore::release;
	}

	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

}
