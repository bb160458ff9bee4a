package ch.mspguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ch.mspguard.gateway.DataAge;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;

/**
 * Writes findings as CSV, one record per finding, ended by the marker of
 * {@link MarkedCsv}.
 */
class FindingsCsvWriter {

	static final String END = MarkedCsv.END;

	static final String INCOMPLETE = MarkedCsv.INCOMPLETE;

	static final String[] HEADER = { "tenant", "tenant_display_name", "gateway", "scope", "domain", "rule_id",
			"severity", "outcome", "message", "remediation", "evaluation_id", "evaluated_at", "data_confirmed_at",
			"stale_since",
			// Issue 14: the exception that covers the finding
			"exception_id", "exception_state", "exception_approver", "exception_expires_on" };

	/**
	 * The stale-since cell of data that is stale but was never confirmed by an import.
	 */
	static final String NEVER_CONFIRMED = "never-confirmed";

	private final MarkedCsv csv;

	FindingsCsvWriter(OutputStream out, CsvDialect dialect) throws IOException {
		this.csv = new MarkedCsv(out, dialect, HEADER);
	}

	void write(FindingRow row) throws IOException {
		this.csv.row(row.tenant(), row.tenantDisplayName(), row.gateway(), row.scope().name(), row.domain(),
				row.ruleId(), row.severity().name(), row.outcome().name(), row.message(), row.remediation(),
				row.evaluationId().toString(), DateTimeFormatter.ISO_INSTANT.format(row.evaluatedAt()),
				instant(row.dataAge().confirmedAt()), staleSince(row.dataAge()),
				(row.exception() != null) ? row.exception().id().toString() : null,
				(row.exception() != null) ? row.exception().state() : null,
				(row.exception() != null) ? row.exception().approvedBy() : null,
				(row.exception() != null) ? row.exception().expiresOn().toString() : null);
	}

	long rows() {
		return this.csv.rows();
	}

	void complete() throws IOException {
		this.csv.complete();
	}

	void incomplete(String reason) throws IOException {
		this.csv.incomplete(reason);
	}

	boolean writeAll(MarkedCsv.Rows rows, MessageSource messages, Locale locale, HttpServletResponse response) {
		return this.csv.writeAll(rows, messages, locale, response);
	}

	private static String staleSince(DataAge age) {
		if (!age.stale()) {
			return null;
		}
		return (age.staleSince() != null) ? instant(age.staleSince()) : NEVER_CONFIRMED;
	}

	private static String instant(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant) : null;
	}

}
