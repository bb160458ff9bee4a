package ch.mspguard.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When data counts as stale, by {@code hardening.stale-after} and the clock.
 */
class DataAgesTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void dataIsStaleFromConfirmationPlusTheConfiguredAgeOn() {
		DataAges ages = ages(Duration.ofDays(7));
		Instant confirmed = NOW.minus(Duration.ofDays(7));

		assertThat(ages.of(confirmed.plusSeconds(1), "api").stale()).isFalse();
		DataAge stale = ages.of(confirmed, "api");
		assertThat(stale.stale()).isTrue();
		assertThat(stale.staleSince()).isEqualTo(NOW);
		assertThat(stale.sourceKey()).isEqualTo("imports.source.api");
		assertThat(ages.staleCutoff()).contains(confirmed);
	}

	@Test
	void dataNeverConfirmedByAnImportIsStaleWithoutADate() {
		DataAge never = ages(Duration.ofDays(7)).of(null, null);

		assertThat(never.stale()).isTrue();
		assertThat(never.staleSince()).isNull();
		assertThat(never.sourceKey()).isNull();
	}

	@Test
	void zeroTurnsStalenessOff() {
		DataAges ages = ages(Duration.ZERO);

		assertThat(ages.enabled()).isFalse();
		assertThat(ages.of(NOW.minus(Duration.ofDays(3650)), "api").stale()).isFalse();
		assertThat(ages.of(null, null).stale()).isFalse();
		assertThat(ages.staleCutoff()).isEmpty();
	}

	@Test
	void aNegativeAgeIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new DataAgeProperties(Duration.ofDays(-1)))
			.hasMessageContaining("hardening.stale-after")
			.hasMessageContaining("negative");
	}

	private static DataAges ages(Duration staleAfter) {
		return new DataAges(new DataAgeProperties(staleAfter), Clock.fixed(NOW, ZoneOffset.UTC), null);
	}

}
