package ch.mspguard.report;

import ch.mspguard.audit.AuditAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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
		return csv.writeAll(() -> this.rows.stream(tenantId, filter, locale, deadline, csv::write), this.messages,
				locale, response);
	}

}
