package ch.mspguard.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the exports, {@code hardening.exports.*}.
 *
 * @param largeConcurrency how many all-tenant exports (summary PDF, all-tenant CSV) may
 * run at once
 * @param tenantConcurrency how many single-tenant exports may run at once
 * @param timeLimit how long one export may take before it is cut off (and marked
 * incomplete)
 * @param retryAfter what a refused export's {@code Retry-After} suggests
 * @param fetchSize how many tenants the CSV export fetches from the database at a time
 */
@ConfigurationProperties("hardening.exports")
record ExportProperties(@DefaultValue("2") int largeConcurrency, @DefaultValue("8") int tenantConcurrency,
		@DefaultValue("5m") Duration timeLimit, @DefaultValue("30s") Duration retryAfter,
		@DefaultValue("100") int fetchSize) {

}
