package ch.mspguard.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The findings as CSV: one tenant's for whoever may see the tenant, all tenants' (with
 * the overview's filters) for operators and auditors.
 */
@RestController
class CsvExportController {

	private final CsvExporter exporter;

	private final EvaluationReader evaluations;

	CsvExportController(CsvExporter exporter, EvaluationReader evaluations) {
		this.exporter = exporter;
		this.evaluations = evaluations;
	}

	@GetMapping({ "/tenants/{tenantId}/findings.csv", "/api/tenants/{tenantId}/findings.csv" })
	void tenant(@PathVariable UUID tenantId, @RequestParam(required = false) String dialect, Locale locale,
			HttpServletResponse response) throws IOException {
		TenantAccess.requireVisible(tenantId);
		String name = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId))
			.tenantName();
		this.exporter.export(tenantId, ExportFilter.NONE, CsvDialect.of(dialect), locale,
				"findings-" + name + "-" + today() + ".csv", response);
	}

	@GetMapping({ "/reports/findings.csv", "/api/reports/findings.csv" })
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	void all(@RequestParam(required = false) String light, @RequestParam(required = false) String gateway,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String dialect, Locale locale,
			HttpServletResponse response) throws IOException {
		this.exporter.export(null, ExportFilter.of(light, gateway, rule), CsvDialect.of(dialect), locale,
				"findings-" + today() + ".csv", response);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
