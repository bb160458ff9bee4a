package ch.mspguard.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How old a gateway's data may grow before it counts as stale,
 * {@code hardening.stale-after}.
 *
 * @param staleAfter the age since the source last confirmed the data; zero turns
 * staleness off
 */
@ConfigurationProperties("hardening")
record DataAgeProperties(@DefaultValue("7d") Duration staleAfter) {

	DataAgeProperties {
		if (staleAfter.isNegative()) {
			throw new IllegalArgumentException(
					"hardening.stale-after must not be negative (0 turns staleness off), but is " + staleAfter);
		}
	}

	boolean enabled() {
		return !this.staleAfter.isZero();
	}

}
