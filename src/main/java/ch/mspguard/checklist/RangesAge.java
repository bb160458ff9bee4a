package ch.mspguard.checklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How old the Exchange Online ranges are. Microsoft's version is the list's publication
 * date ({@code 2025093000}: 30 September 2025, release 00) and counts where it parses;
 * otherwise the day the list was stored. Microsoft updates the list monthly, so after
 * {@link #STALE_DAYS} days the page warns.
 *
 * @param since the day the age counts from
 * @param days the age in days
 */
public record RangesAge(LocalDate since, long days) {

	static final int STALE_DAYS = 90;

	public boolean isStale() {
		return this.days > STALE_DAYS;
	}

	static RangesAge of(String version, Instant storedAt, LocalDate today) {
		LocalDate since = published(version);
		if (since == null) {
			since = (storedAt != null) ? LocalDate.ofInstant(storedAt, ZoneOffset.UTC) : today;
		}
		return new RangesAge(since, Math.max(0, ChronoUnit.DAYS.between(since, today)));
	}

	private static LocalDate published(String version) {
		if (version == null || !version.matches("[0-9]{10}")) {
			return null;
		}
		try {
			return LocalDate.parse(version.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
