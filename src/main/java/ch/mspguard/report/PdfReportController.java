package ch.mspguard.report;

import java.time.Clock;

import ch.mspguard.checklist.CauseTexts;
import ch.mspguard.checklist.HistoryPeriod;
import ch.mspguard.checklist.LightHistory;
import ch.mspguard.checklist.RenderedChange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.exceptions.ExceptionFilter;
import ch.mspguard.exceptions.ExceptionService;
import ch.mspguard.exceptions.FindingException;
import ch.mspguard.gateway.ConfigurationEditor;
import ch.mspguard.gateway.DataAge;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.system.DisplayFormat;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PDF reports: one tenant's, for whoever may see the tenant, and the summary of all
 * tenants for operators and auditors. The language is the user's ({@code ?lang=}
 * overrides). Each is also served under {@code /api} for scripts with HTTP Basic.
 */
@RestController
class PdfReportController {

	private final EvaluationReader evaluations;

	private final FindingTexts texts;

	private final ConfigurationEditor configuration;

	private final SummaryQuery summaries;

	private final PdfRenderer renderer;

	private final ExportSlots slots;

	private final ExportAudit audit;

	private final ExportTransactions transactions;

	private final DisplayFormat format;

	/** A light change in the tenant report, with its time formatted. */
	record PeriodChange(String at, RenderedChange change) {
	}

	/** The tenant report's changes cover this many days unless {@code ?since=} says. */
	static final int PERIOD_DAYS = 30;

	/** The tenant report lists at most this many light changes. */
	static final int MAX_CHANGES = 500;

	private final LightHistory history;

	private final CauseTexts causes;

	private final Clock clock;

	private final DataAges dataAges;

	/** Issue 14: the tenant report's exceptions appendix. */
	private final ExceptionService exceptions;

	PdfReportController(EvaluationReader evaluations, FindingTexts texts, ConfigurationEditor configuration,
			SummaryQuery summaries, PdfRenderer renderer, ExportSlots slots, ExportAudit audit,
			ExportTransactions transactions, DisplayFormat format, LightHistory history, CauseTexts causes, Clock clock,
			DataAges dataAges, ExceptionService exceptions) {
		this.exceptions = exceptions;
		this.history = history;
		this.causes = causes;
		this.clock = clock;

		this.evaluations = evaluations;
		this.texts = texts;
		this.configuration = configuration;
		this.summaries = summaries;
		this.renderer = renderer;
		this.slots = slots;
		this.audit = audit;
		this.transactions = transactions;
		this.format = format;
		this.dataAges = dataAges;
	}

	@GetMapping({ "/tenants/{tenantId}/report.pdf", "/api/tenants/{tenantId}/report.pdf" })
	ResponseEntity<byte[]> tenant(@PathVariable UUID tenantId, @RequestParam(required = false) String since,
			Locale locale) {
		TenantAccess.requireVisible(tenantId);
		HistoryPeriod period = HistoryPeriod.since(since, PERIOD_DAYS, this.clock);
		try (ExportSlots.Slot slot = this.slots.tenant()) {
			TenantReport report = this.transactions.read(() -> tenantReport(tenantId, locale));
			List<PeriodChange> changes = this.transactions
				.read(() -> this.causes.renderChanges(
						this.history.changes(tenantId, period.from(), period.to(), MAX_CHANGES), locale,
						Actor.require().seesAllTenants()))
				.stream()
				.map((change) -> new PeriodChange(this.format.dateTime(change.at()), change))
				.toList();
			StoredEvaluation evaluation = report.evaluation();
			List<FindingException> exceptions = this.transactions
				.read(() -> this.exceptions.list(new ExceptionFilter(null, false, tenantId, null)));
			byte[] pdf = this.renderer.render("report/tenant",
					Map.of("report", report, "changes", changes, "changesSince", this.format.dateTime(period.from()),
							"dataAge", dataAge(report.evaluation()), "format", this.format, "exceptions", exceptions),
					locale);
			this.audit.record(AuditAction.EXPORT_TENANT_PDF, tenantId.toString(), details(ExportFilter.NONE,
					evaluation.gatewayFindings().size() + evaluation.findings().size(), locale));
			return pdf("report-" + evaluation.tenantName() + "-" + CsvExportController.today() + ".pdf", pdf);
		}
	}

	private DataAge dataAge(StoredEvaluation evaluation) {
		return this.dataAges.ofGateway(evaluation.gatewayId()).orElseGet(() -> this.dataAges.of(null, null));
	}

	private TenantReport tenantReport(UUID tenantId, Locale locale) {
		StoredEvaluation evaluation = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId));
		return TenantReport.of(evaluation,
				this.texts.render(evaluation.gatewayFindings(), evaluation.gatewayDetails(), locale),
				this.texts.render(evaluation.findings(), evaluation.details(), locale),
				this.configuration.attestation(tenantId), Actor.require().name(), now(),
				this.format.dateTime(evaluation.evaluatedAt()));
	}

	/** Issue 14: the exceptions of every tenant the reader may see, as PDF evidence. */
	@GetMapping("/exceptions.pdf")
	ResponseEntity<byte[]> exceptions(Locale locale) {
		try (ExportSlots.Slot slot = this.slots.large()) {
			List<FindingException> exceptions = this.transactions.read(() -> this.exceptions.list(ExceptionFilter.ALL));
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("exceptions", exceptions);
			variables.put("generatedBy", Actor.require().name());
			variables.put("generatedAt", now());
			variables.put("format", this.format);
			byte[] pdf = this.renderer.render("report/exceptions", variables, locale);
			this.audit.record(AuditAction.EXPORT_EXCEPTIONS_PDF, "exceptions", Map.of("rows", exceptions.size()));
			return pdf("exceptions-" + CsvExportController.today() + ".pdf", pdf);
		}
	}

	@GetMapping({ "/reports/summary.pdf", "/api/reports/summary.pdf" })
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	ResponseEntity<byte[]> summary(@RequestParam(required = false) String light,
			@RequestParam(required = false) String gateway, @RequestParam(required = false) String rule,
			Locale locale) {
		try (ExportSlots.Slot slot = this.slots.large()) {
			ExportFilter filter = ExportFilter.of(light, gateway, rule);
			SummaryReport report = this.summaries.summary(filter);
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("report", report);
			variables.put("generatedBy", Actor.require().name());
			variables.put("generatedAt", now());
			variables.put("format", this.format);
			variables.put("ruleTitles", ruleTitles(locale));
			byte[] pdf = this.renderer.render("report/summary", variables, locale);
			this.audit.record(AuditAction.EXPORT_SUMMARY_PDF, "all", details(filter, report.total(), locale));
			return pdf("summary-" + CsvExportController.today() + ".pdf", pdf);
		}
	}

	private Map<String, String> ruleTitles(Locale locale) {
		Map<String, String> titles = new LinkedHashMap<>();
		Catalogue.rules().forEach((rule) -> titles.put(rule.id(), this.texts.title(rule, locale)));
		return titles;
	}

	private String now() {
		return this.format.precise(Instant.now());
	}

	private static Map<String, Object> details(ExportFilter filter, long rows, Locale locale) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("format", "pdf");
		details.put("filter", filter.describe());
		details.put("rows", rows);
		details.put("language", locale.getLanguage());
		return details;
	}

	private static ResponseEntity<byte[]> pdf(String filename, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

}
