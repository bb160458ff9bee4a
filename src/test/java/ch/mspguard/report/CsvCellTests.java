package ch.mspguard.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "=1+1", "+1+1", "-1+1", "-cmd|' /C calc'!A0", "@SUM(A1:A2)",
			"\t=1+1", "\r=1+1", "\n=1+1", "\0=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)" })
	void neutralisesEveryValueASpreadsheetWouldRunAsAFormula(String hostile) {
		assertThat(CsvCell.safe(hostile)).isEqualTo("'" + hostile);
	}

	@ParameterizedTest
	@ValueSource(strings = { "acme", "ACME AG", "Zürich Versicherungs-Gesellschaft", "1+1", "a=b", "mail@acme.example",
			"<script>alert(1)</script>", "\u200Fevil\u202Etxt.exe", "😀 Emoji GmbH", " =1+1", "'quoted" })
	void leavesEverythingElseAsItIs(String harmless) {
		assertThat(CsvCell.safe(harmless)).isEqualTo(harmless);
	}

	@Test
	void writesNothingForNoValue() {
		assertThat(CsvCell.safe(null)).isEmpty();
		assertThat(CsvCell.safe("")).isEmpty();
	}

}
