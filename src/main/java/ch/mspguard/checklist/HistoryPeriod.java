package ch.mspguard.checklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The period a history export covers: from {@code ?since=} (a date, UTC) or by default
 * the given number of days back, until now.
 *
 * @param from the start, inclusive
 * @param to the end, exclusive
 */
public record HistoryPeriod(Instant from, Instant to) {

	/** As far back as light changes are kept. */
	public static final int MAX_DAYS = 731;

	/**
	 * @throws ResponseStatusException 400 naming the field when {@code since} is not a
	 * date, lies in the future or further back than the history is kept
	 */
	public static HistoryPeriod since(String since, int defaultDays, Clock clock) {
		Instant now = clock.instant();
		if (since == null || since.isBlank()) {
			return new HistoryPeriod(now.minus(Duration.ofDays(defaultDays)), now.plusSeconds(1));
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		try {
			LocalDate date = LocalDate.parse(since.strip());
			if (date.isAfter(today)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since: lies in the future");
			}
			if (date.isBefore(today.minusDays(MAX_DAYS))) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"since: more than " + MAX_DAYS + " days back, beyond the kept history");
			}
			return new HistoryPeriod(date.atStartOfDay(ZoneOffset.UTC).toInstant(), now.plusSeconds(1));
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since: not a date (YYYY-MM-DD)");
		}
	}

}
