package ch.mspguard.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log as CSV, with the search of the audit page, streamed from the database and
 * closed with the same end marker as the findings export.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class AuditCsvController {

	static final String[] HEADER = { "id", "occurred_at", "actor", "action", "target", "details", "source_address" };

	private final AuditQuery query;

	private final ExportAudit audit;

	AuditCsvController(AuditQuery query, ExportAudit audit) {
		this.query = query;
		this.audit = audit;
	}

	@GetMapping({ "/audit.csv", "/api/audit.csv" })
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String dialect, HttpServletResponse response) throws IOException {
		CsvDialect csv = CsvDialect.of(dialect);
		AuditQuery.Filter filter = new AuditQuery.Filter(q, action, date("from", from), date("to", to));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"audit-" + CsvExportController.today() + ".csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		if (csv.byteOrderMark()) {
			writer.write('\uFEFF');
		}
		CSVPrinter printer = new CSVPrinter(writer, csv.format());
		printer.printRecord((Object[]) HEADER);
		long[] rows = { 0 };
		try {
			this.query.stream(filter, (entry) -> {
				try {
					printer.printRecord(Long.toString(entry.id()),
							DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()), CsvCell.safe(entry.actor()),
							CsvCell.safe(entry.action()), CsvCell.safe(entry.target()), CsvCell.safe(entry.details()),
							CsvCell.safe(entry.sourceAddress()));
					rows[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.printRecord(FindingsCsvWriter.END, Long.toString(rows[0]));
		}
		catch (RuntimeException ex) {
			printer.printRecord(FindingsCsvWriter.INCOMPLETE, Long.toString(rows[0]), "export failed");
			throw ex;
		}
		finally {
			printer.flush();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("format", "csv");
			details.put("dialect", csv.parameter());
			details.put("filter", filter.toString());
			details.put("rows", rows[0]);
			this.audit.record(AuditAction.EXPORT_AUDIT_CSV, "audit", details);
		}
	}

	private static LocalDate date(String field, String text) {
		try {
			LocalDate date = (text != null && !text.isBlank()) ? LocalDate.parse(text.strip()) : null;
			// Refused before the export starts: the database's timestamps end at year
			// 9999.
			if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": year outside 1 to 9999");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": not a date (YYYY-MM-DD)");
		}
	}

}
