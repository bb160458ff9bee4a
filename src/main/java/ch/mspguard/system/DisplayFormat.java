package ch.mspguard.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How times appear on pages and in reports: UTC, minute precision, labelled, so that an
 * auditor in another time zone reads the same moment.
 */
@Component("displayFormat")
public class DisplayFormat {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String dateTime(Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "";
	}

	public String precise(Instant instant) {
		return (instant != null) ? SECONDS.format(instant) : "";
	}

}
