package ch.mspguard.seppmail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How often an appliance is pulled in the background.
 */
public enum Schedule {

	OFF(null), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1));

	private final Duration interval;

	Schedule(Duration interval) {
		this.interval = interval;
	}

	public Duration interval() {
		return this.interval;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Schedule> of(String value) {
		return Arrays.stream(values()).filter((schedule) -> schedule.value().equals(value)).findFirst();
	}

}
