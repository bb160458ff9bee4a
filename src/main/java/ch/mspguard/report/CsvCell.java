package ch.mspguard.report;

/**
 * The formula-injection guard of every CSV cell. Spreadsheets run a cell that starts with
 * {@code = + - @} (or a tab, carriage return, line feed or NUL that hides one, or the
 * full-width forms that some spreadsheets fold into them) as a formula; such a value gets
 * a leading apostrophe, which spreadsheets show as text and a reader recognises.
 */
public final class CsvCell {

	private static final String TRIGGERS = "=+-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20";

	private CsvCell() {
	}

	/** The value as it is safe to write into a cell; {@code null} becomes empty. */
	public static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return (TRIGGERS.indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

}
