package ch.mspguard.report;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.HistoryPeriod;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The light history as CSV: one tenant's for whoever may see the tenant, every tenant's
 * for operators and auditors. By default the last 90 days; {@code ?since=YYYY-MM-DD}
 * chooses the start.
 */
@RestController
class HistoryCsvController {

	static final int DEFAULT_DAYS = 90;

	private final HistoryCsvExporter exporter;

	private final EvaluationReader evaluations;

	private final Clock clock;

	HistoryCsvController(HistoryCsvExporter exporter, EvaluationReader evaluations, Clock clock) {
		this.exporter = exporter;
		this.evaluations = evaluations;
		this.clock = clock;
	}

	@GetMapping({ "/tenants/{tenantId}/history.csv", "/api/tenants/{tenantId}/history.csv" })
	void tenant(@PathVariable UUID tenantId, @RequestParam(required = false) String since,
			@RequestParam(required = false) String dialect, Locale locale, HttpServletResponse response)
			throws IOException {
		TenantAccess.requireVisible(tenantId);
		HistoryPeriod period = HistoryPeriod.since(since, DEFAULT_DAYS, this.clock);
		String name = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId))
			.tenantName();
		this.exporter.export(tenantId, period.from(), period.to(), CsvDialect.of(dialect), locale,
				"history-" + name + "-" + CsvExportController.today() + ".csv", response);
	}

	@GetMapping({ "/reports/history.csv", "/api/reports/history.csv" })
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	void all(@RequestParam(required = false) String since, @RequestParam(required = false) String dialect,
			Locale locale, HttpServletResponse response) throws IOException {
		HistoryPeriod period = HistoryPeriod.since(since, DEFAULT_DAYS, this.clock);
		this.exporter.export(null, period.from(), period.to(), CsvDialect.of(dialect), locale,
				"history-" + CsvExportController.today() + ".csv", response);
	}

}
