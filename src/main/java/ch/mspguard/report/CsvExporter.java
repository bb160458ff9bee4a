package ch.mspguard.report;

import ch.mspguard.audit.AuditAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams a findings CSV to the response on the request thread, within an export slot and
 * the time limit, ends it with the end or incomplete marker, and audits it.
 */
@Component
class CsvExporter {

	private static final Logger log = LoggerFactory.getLogger(CsvExporter.class);

	private final FindingRows rows;

	private final ExportSlots slots;

	private final ExportAudit audit;

	private final MessageSource messages;

	private final ExportProperties properties;

	CsvExporter(FindingRows rows, ExportSlots slots, ExportAudit audit, MessageSource messages,
			ExportProperties properties) {
		this.rows = rows;
		this.slots = slots;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
	}

	/**
	 * One tenant's findings ({@code tenantId} not null) or those of every tenant the
	 * filter selects.
	 */
	void export(UUID tenantId, ExportFilter filter, CsvDialect dialect, Locale locale, String filename,
			HttpServletResponse response) throws IOException {
		try (ExportSlots.Slot slot = (tenantId != null) ? this.slots.tenant() : this.slots.large()) {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
			FindingsCsvWriter csv = new FindingsCsvWriter(response.getOutputStream(), dialect);
			long deadline = System.nanoTime() + this.properties.timeLimit().toNanos();
			boolean complete = write(csv, tenantId, filter, locale, deadline, response);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("format", "csv");
			details.put("dialect", dialect.parameter());
			details.put("filter", filter.describe());
			details.put("rows", csv.rows());
			details.put("complete", complete);
			details.put("language", locale.getLanguage());
			this.audit.record((tenantId != null) ? AuditAction.EXPORT_TENANT_CSV : AuditAction.EXPORT_FINDINGS_CSV,
					(tenantId != null) ? tenantId.toString() : "all", details);
		}
	}

	private boolean write(FindingsCsvWriter csv, UUID tenantId, ExportFilter filter, Locale locale, long deadline,
			HttpServletResponse response) {
		try {
			this.rows.stream(tenantId, filter, locale, deadline, csv::write);
			csv.complete();
			return true;
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Findings export failed after {} rows", csv.rows(), ex);
			String reason = this.messages.getMessage(
					(ex instanceof ExportTimeLimitException) ? "report.csv.timeLimit" : "report.csv.failed",
					new Object[] { csv.rows() }, locale);
			if (!response.isCommitted()) {
				response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
			try {
				csv.incomplete(reason);
			}
			catch (IOException | UncheckedIOException closed) {
				log.debug("Could not mark the export incomplete: the connection is gone", closed);
			}
			return false;
		}
	}

}
