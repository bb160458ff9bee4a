package ch.mspguard.report;

import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The two flavours of the CSV export: RFC 4180 (comma, CRLF, UTF-8) for programs, and for
 * spreadsheets in German-speaking locales semicolons and a byte-order mark, without which
 * Excel reads UTF-8 as Windows-1252. Every field is quoted in both.
 */
enum CsvDialect {

	RFC4180(','), EXCEL(';');

	private final char delimiter;

	CsvDialect(char delimiter) {
		this.delimiter = delimiter;
	}

	/** {@code ?dialect=excel} selects the spreadsheet flavour; anything else RFC 4180. */
	static CsvDialect of(String parameter) {
		return (parameter != null && parameter.strip().toLowerCase(Locale.ROOT).equals("excel")) ? EXCEL : RFC4180;
	}

	boolean byteOrderMark() {
		return this == EXCEL;
	}

	CSVFormat format() {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(this.delimiter)
			.setQuoteMode(QuoteMode.ALL)
			.setRecordSeparator("\r\n")
			.get();
	}

	String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}
