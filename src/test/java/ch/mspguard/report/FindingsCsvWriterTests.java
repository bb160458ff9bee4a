package ch.mspguard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ch.mspguard.checklist.CoveredBy;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.gateway.DataAge;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsCsvWriterTests {

	private static final UUID EVALUATION = UUID.fromString("936da01f-9abd-4d9d-80c7-02af85c822a8");

	private static final Instant AT = Instant.parse("2026-03-01T08:15:30Z");

	@Test
	void writesRfc4180WithEveryFieldQuotedAndEndsWithTheEndMarker() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		FindingsCsvWriter csv = new FindingsCsvWriter(out, CsvDialect.RFC4180);
		csv.write(row("acme", "Zürich \"AG\", Filiale\nNord"));
		csv.write(row("bravo", null));
		csv.complete();
		String text = out.toString(StandardCharsets.UTF_8);

		assertThat(text).startsWith("\"tenant\",\"tenant_display_name\",\"gateway\",").endsWith("\"#END\",\"2\"\r\n");
		assertThat(text).contains("\"Zürich \"\"AG\"\", Filiale\nNord\"").contains("\r\n\"bravo\",\"\",");
		List<CSVRecord> records = ReportFixtures.csv(text, ',');
		assertThat(records).hasSize(4);
		assertThat(records.get(1).get(1)).isEqualTo("Zürich \"AG\", Filiale\nNord");
		assertThat(records.get(1).toList()).containsExactly("acme", "Zürich \"AG\", Filiale\nNord", "gw-1", "DOMAIN",
				"acme.example", "TLS-OUT", "HIGH", "FAIL", "TLS level “may”.", "Set it to Secure.",
				EVALUATION.toString(), "2026-03-01T08:15:30Z", "2026-03-01T08:15:30Z", "", "", "", "", "");
		assertThat(records.get(3).toList()).containsExactly(FindingsCsvWriter.END, "2");
	}

	@Test
	void excelDialectHasAByteOrderMarkAndSemicolons() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		FindingsCsvWriter csv = new FindingsCsvWriter(out, CsvDialect.EXCEL);
		csv.write(row("acme", "Müller; Söhne"));
		csv.complete();
		byte[] bytes = out.toByteArray();

		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\"tenant\";\"tenant_display_name\";");
		assertThat(ReportFixtures.csv(text, ';').get(1).get(1)).isEqualTo("Müller; Söhne");
	}

	@Test
	void guardsEveryTextCellAgainstFormulas() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		FindingsCsvWriter csv = new FindingsCsvWriter(out, CsvDialect.RFC4180);
		csv.write(new FindingRow("-hostile", "=HYPERLINK(\"http://x\")", "gw-1", Scope.TENANT, null, "TLS-IN-TENANT",
				Severity.HIGH, Outcome.FAIL, "@SUM(A1)", "+remediation", EVALUATION, AT,
				new DataAge(AT.minus(Duration.ofDays(8)), "api", true, AT.minus(Duration.ofDays(1))),
				new CoveredBy(EVALUATION, "ACTIVE", LocalDate.of(2026, 6, 30), "=approver", false)));
		csv.complete();
		String text = out.toString(StandardCharsets.UTF_8);

		assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(ReportFixtures.csv(text, ',').get(1).toList()).containsExactly("'-hostile",
				"'=HYPERLINK(\"http://x\")", "gw-1", "TENANT", "", "TLS-IN-TENANT", "HIGH", "FAIL", "'@SUM(A1)",
				"'+remediation", EVALUATION.toString(), "2026-03-01T08:15:30Z", "2026-02-21T08:15:30Z",
				"2026-02-28T08:15:30Z", EVALUATION.toString(), "ACTIVE", "'=approver", "2026-06-30");
	}

	@Test
	void anExportThatFailsEndsWithTheIncompleteMarkerInsteadOfTheEndMarker() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		FindingsCsvWriter csv = new FindingsCsvWriter(out, CsvDialect.RFC4180);
		csv.write(row("acme", null));
		csv.incomplete("=The export failed after 1 findings.");
		List<CSVRecord> records = ReportFixtures.csv(out.toString(StandardCharsets.UTF_8), ',');

		assertThat(records.get(records.size() - 1).toList()).containsExactly(FindingsCsvWriter.INCOMPLETE, "1",
				"'=The export failed after 1 findings.");
		assertThat(records).noneMatch((record) -> record.get(0).equals(FindingsCsvWriter.END));
	}

	private static FindingRow row(String tenant, String displayName) {
		return new FindingRow(tenant, displayName, "gw-1", Scope.DOMAIN, "acme.example", "TLS-OUT", Severity.HIGH,
				Outcome.FAIL, "TLS level “may”.", "Set it to Secure.", EVALUATION, AT,
				new DataAge(AT, "api", false, null), null);
	}

}
