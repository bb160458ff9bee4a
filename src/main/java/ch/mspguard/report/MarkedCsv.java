package ch.mspguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;

/**
 * A CSV export's file: every cell through the formula guard, and a marker record at the
 * end so that a reader can tell a complete file from a truncated one:
 * {@code "#END","<rows>"} after the last row, or
 * {@code "#INCOMPLETE","<rows>","<reason>"} when the export failed part-way. A file whose
 * last record is neither was cut off.
 */
class MarkedCsv {

	private static final Logger log = LoggerFactory.getLogger(MarkedCsv.class);

	static final String END = "#END";

	static final String INCOMPLETE = "#INCOMPLETE";

	private final Writer writer;

	private final CSVPrinter printer;

	private long rows;

	MarkedCsv(OutputStream out, CsvDialect dialect, String... header) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		if (dialect.byteOrderMark()) {
			this.writer.write('\uFEFF');
		}
		this.printer = new CSVPrinter(this.writer, dialect.format());
		this.printer.printRecord((Object[]) header);
	}

	void row(String... cells) throws IOException {
		Object[] safe = new Object[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = CsvCell.safe(cells[i]);
		}
		this.printer.printRecord(safe);
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

	/** Writes the rows. */
	@FunctionalInterface
	interface Rows {

		void write() throws IOException;

	}

	/**
	 * Writes the rows and the end marker; when writing fails part-way (time limit,
	 * database, a closed connection), logs it and ends the file with the incomplete
	 * marker and the reason in the reader's language instead.
	 * @return whether the export is complete
	 */
	boolean writeAll(Rows rows, MessageSource messages, Locale locale, HttpServletResponse response) {
		try {
			rows.write();
			complete();
			return true;
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Export failed after {} rows", this.rows, ex);
			String reason = messages.getMessage(
					(ex instanceof ExportTimeLimitException) ? "report.csv.timeLimit" : "report.csv.failed",
					new Object[] { this.rows }, locale);
			if (!response.isCommitted()) {
				response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
			try {
				incomplete(reason);
			}
			catch (IOException | UncheckedIOException closed) {
				log.debug("Could not mark the export incomplete: the connection is gone", closed);
			}
			return false;
		}
	}

	/**
	 * Ends an export that failed after it began, so that nobody takes it for complete.
	 */
	void incomplete(String reason) throws IOException {
		this.printer.printRecord(INCOMPLETE, Long.toString(this.rows), CsvCell.safe(reason));
		this.printer.flush();
	}

}
