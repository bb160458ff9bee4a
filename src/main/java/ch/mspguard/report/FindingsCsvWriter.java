package ch.mspguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes findings as CSV, every cell through the formula guard, and closes the file with
 * a marker record so that a reader can tell a complete file from a truncated one:
 * {@code "#END","<rows>"} after the last finding, or
 * {@code "#INCOMPLETE","<rows>","<reason>"} when the export failed part-way. A file whose
 * last record is neither was cut off.
 */
class FindingsCsvWriter {

	static final String END = "#END";

	static final String INCOMPLETE = "#INCOMPLETE";

	static final String[] HEADER = { "tenant", "tenant_display_name", "gateway", "scope", "domain", "rule_id",
			"severity", "outcome", "message", "remediation", "evaluation_id", "evaluated_at",
			// Issue 14: the exception that covers the finding
			"exception_id", "exception_state", "exception_approver", "exception_expires_on" };

	private final Writer writer;

	private final CSVPrinter printer;

	private long rows;

	FindingsCsvWriter(OutputStream out, CsvDialect dialect) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		if (dialect.byteOrderMark()) {
			this.writer.write('\uFEFF');
		}
		this.printer = new CSVPrinter(this.writer, dialect.format());
		this.printer.printRecord((Object[]) HEADER);
	}

	void write(FindingRow row) throws IOException {
		this.printer.printRecord(cell(row.tenant()), cell(row.tenantDisplayName()), cell(row.gateway()),
				cell(row.scope().name()), cell(row.domain()), cell(row.ruleId()), cell(row.severity().name()),
				cell(row.outcome().name()), cell(row.message()), cell(row.remediation()),
				cell(row.evaluationId().toString()), cell(DateTimeFormatter.ISO_INSTANT.format(row.evaluatedAt())),
				cell((row.exception() != null) ? row.exception().id().toString() : null),
				cell((row.exception() != null) ? row.exception().state() : null),
				cell((row.exception() != null) ? row.exception().approvedBy() : null),
				cell((row.exception() != null) ? row.exception().expiresOn().toString() : null));
		this.rows++;
	}

	long rows() {
		return this.rows;
	}

	/** Ends a complete export. */
	void complete() throws IOException {
		this.printer.printRecord(END, Long.toString(this.rows));
		this.printer.flush();
	}

	/**
	 * Ends an export that failed after it began, so that nobody takes it for complete.
	 */
	void incomplete(String reason) throws IOException {
		this.printer.printRecord(INCOMPLETE, Long.toString(this.rows), cell(reason));
		this.printer.flush();
	}

	private static String cell(String value) {
		return CsvCell.safe(value);
	}

}
