package ch.mspguard.checklist;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangesAgeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void microsoftsVersionIsThePublicationDate() {
		RangesAge age = RangesAge.of("2026090100", Instant.parse("2026-11-29T10:00:00Z"), TODAY);
		assertThat(age.since()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(age.days()).isEqualTo(90);
		assertThat(age.isStale()).isFalse();
	}

	@Test
	void afterNinetyDaysTheRangesAreStale() {
		assertThat(RangesAge.of("2026083100", null, TODAY).isStale()).isTrue();
	}

	@Test
	void anotherVersionCountsFromTheDayTheRangesWereStored() {
		RangesAge age = RangesAge.of("v2-custom", Instant.parse("2026-11-20T23:30:00Z"), TODAY);
		assertThat(age.since()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(age.days()).isEqualTo(10);
	}

}
