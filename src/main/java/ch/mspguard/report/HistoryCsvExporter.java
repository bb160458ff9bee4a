package ch.mspguard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.checklist.CauseTexts;
import ch.mspguard.checklist.LightHistory;
import ch.mspguard.tenant.Actor;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams the light history as CSV, one record per light change with its causes in the
 * reader's language, with the same formula guard, end marker, slots and time limit as the
 * findings CSV, and audits it.
 */
@Component
class HistoryCsvExporter {

	static final String[] HEADER = { "tenant", "tenant_display_name", "gateway", "changed_at", "light_before",
			"light_after", "worsened", "causes" };

	private final LightHistory history;

	private final CauseTexts causes;

	private final ExportSlots slots;

	private final ExportTransactions transactions;

	private final ExportAudit audit;

	private final MessageSource messages;

	private final ExportProperties properties;

	HistoryCsvExporter(LightHistory history, CauseTexts causes, ExportSlots slots, ExportTransactions transactions,
			ExportAudit audit, MessageSource messages, ExportProperties properties) {
		this.history = history;
		this.causes = causes;
		this.slots = slots;
		this.transactions = transactions;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
	}

	/** One tenant's history ({@code tenantId} not null) or every visible tenant's. */
	void export(UUID tenantId, Instant from, Instant to, CsvDialect dialect, Locale locale, String filename,
			HttpServletResponse response) throws IOException {
		try (ExportSlots.Slot slot = (tenantId != null) ? this.slots.tenant() : this.slots.large()) {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
			MarkedCsv csv = new MarkedCsv(response.getOutputStream(), dialect, HEADER);
			boolean complete = write(csv, tenantId, from, to, locale, response);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("format", "csv");
			details.put("dialect", dialect.parameter());
			details.put("from", from.toString());
			details.put("to", to.toString());
			details.put("rows", csv.rows());
			details.put("complete", complete);
			details.put("language", locale.getLanguage());
			this.audit.record(
					(tenantId != null) ? AuditAction.EXPORT_TENANT_HISTORY_CSV : AuditAction.EXPORT_HISTORY_CSV,
					(tenantId != null) ? tenantId.toString() : "all", details);
		}
	}

	private boolean write(MarkedCsv csv, UUID tenantId, Instant from, Instant to, Locale locale,
			HttpServletResponse response) {
		boolean seesNetworks = Actor.current().map(Actor::seesAllTenants).orElse(false);
		long deadline = System.nanoTime() + this.properties.timeLimit().toNanos();
		return csv.writeAll(() -> this.transactions.read(() -> {
			this.history.stream(tenantId, from, to, this.properties.fetchSize(), (row) -> {
				if (System.nanoTime() - deadline > 0) {
					throw new ExportTimeLimitException();
				}
				try {
					csv.row(row.tenant(), row.displayName(), row.gateway(),
							DateTimeFormatter.ISO_INSTANT.format(row.change().at()),
							(row.change().before() != null) ? row.change().before().name() : null,
							row.change().after().name(), Boolean.toString(row.change().worsened()),
							String.join("; ", this.causes.explain(row.change(), locale, seesNetworks)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			return null;
		}), this.messages, locale, response);
	}

}
