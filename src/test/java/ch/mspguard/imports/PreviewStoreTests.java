package ch.mspguard.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.ImportPlan;
import ch.mspguard.gateway.SnapshotDiff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewStoreTests {

	private final Instant start = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void aPreviewExpiresAfterThirtyMinutes() {
		MutableClock clock = new MutableClock(this.start);
		PreviewStore store = new PreviewStore(clock);
		store.put(preview("a", "alice", this.start));

		clock.now = this.start.plus(Duration.ofMinutes(29));
		assertThat(store.find("a", "alice")).isPresent();
		clock.now = this.start.plus(Duration.ofMinutes(31));
		assertThat(store.find("a", "alice")).isEmpty();
	}

	@Test
	void onlyItsOwnerFindsAPreview() {
		PreviewStore store = new PreviewStore(new MutableClock(this.start));
		store.put(preview("a", "alice", this.start));
		assertThat(store.find("a", "bob")).isEmpty();
		assertThat(store.find("a", "alice")).isPresent();
	}

	@Test
	void theOldestPreviewGivesWayWhenTheStoreIsFull() {
		PreviewStore store = new PreviewStore(new MutableClock(this.start));
		for (int i = 0; i <= PreviewStore.CAPACITY; i++) {
			store.put(preview("p" + i, "alice", this.start.plusSeconds(i)));
		}
		assertThat(store.find("p0", "alice")).isEmpty();
		assertThat(store.find("p1", "alice")).isPresent();
		assertThat(store.find("p" + PreviewStore.CAPACITY, "alice")).isPresent();
	}

	private static ImportPreview preview(String id, String owner, Instant at) {
		GatewaySnapshot snapshot = new GatewaySnapshot(
				new GatewaySettings("gw", null, null, null, null, null, null, null, null, null), List.of());
		return new ImportPreview(id, owner, at, "test", null,
				new ImportPlan("gw", null, snapshot, SnapshotDiff.between(null, snapshot), List.of()),
				new ImportPreview.LightChange(null, null), List.of(), List.of());
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
