package ch.mspguard.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.exceptions.BoundFinding;
import ch.mspguard.exceptions.ExceptionFilter;
import ch.mspguard.exceptions.ExceptionService;
import ch.mspguard.exceptions.FindingException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 14: the exceptions of every tenant the reader may see (tenant admins: their own),
 * with the list's filters, as CSV evidence for auditors: reason, compensating control,
 * requester, approver, dates, state and what each was bound to.
 */
@RestController
class ExceptionsCsvController {

	static final String[] HEADER = { "id", "tenant", "rule_id", "domain", "category", "reason", "compensating_control",
			"state", "expires_on", "requested_by", "requested_at", "decided_by", "decided_at", "decision_comment",
			"self_approved", "revoked_by", "revoked_at", "revoke_comment", "ended_at", "review_reason",
			"bound_catalogue_version", "bound_findings" };

	private final ExceptionService exceptions;

	private final ExportAudit audit;

	ExceptionsCsvController(ExceptionService exceptions, ExportAudit audit) {
		this.exceptions = exceptions;
		this.audit = audit;
	}

	@GetMapping("/exceptions.csv")
	void export(@RequestParam(required = false) String state, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String dialect,
			HttpServletResponse response) throws IOException {
		ExceptionFilter filter;
		try {
			filter = ExceptionFilter.of(state,
					(tenant != null && !tenant.isBlank()) ? java.util.UUID.fromString(tenant.strip()) : null, rule);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"state or tenant is not valid");
		}
		CsvDialect csv = CsvDialect.of(dialect);
		List<FindingException> rows = this.exceptions.list(filter);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("exceptions-" + CsvExportController.today() + ".csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		if (csv.byteOrderMark()) {
			writer.write('\uFEFF');
		}
		CSVPrinter printer = new CSVPrinter(writer, csv.format());
		printer.printRecord((Object[]) HEADER);
		for (FindingException x : rows) {
			printer.printRecord(x.id().toString(), cell(x.tenantName()), cell(x.ruleId()), cell(x.domain()),
					x.category().name(), cell(x.reason()), cell(x.compensatingControl()), x.state().name(),
					x.expiresOn().toString(), cell(x.requestedBy()), time(x.requestedAt()), cell(x.decidedBy()),
					time(x.decidedAt()), cell(x.decisionComment()), Boolean.toString(x.selfApproved()),
					cell(x.revokedBy()), time(x.revokedAt()), cell(x.revokeComment()), time(x.endedAt()),
					cell(x.reviewReason()),
					(x.boundCatalogueVersion() != null) ? x.boundCatalogueVersion().toString() : "",
					cell(bound(x.bound())));
		}
		printer.flush();
		this.audit.record(AuditAction.EXPORT_EXCEPTIONS_CSV, "exceptions",
				Map.of("rows", rows.size(), "state", String.valueOf(state), "tenant", String.valueOf(tenant)));
	}

	private static String bound(List<BoundFinding> bound) {
		return String.join("; ",
				bound.stream()
					.map((b) -> ((b.domain() != null) ? b.domain() + " " : "") + b.outcome() + " " + b.args())
					.toList());
	}

	private static String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant) : "";
	}

	private static String cell(String value) {
		return CsvCell.safe(value);
	}

}
