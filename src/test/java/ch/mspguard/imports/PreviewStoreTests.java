package ch.mspguard.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.ImportPlan;
import ch.mspguard.IntegrationTest;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on its real table, with each operator's transactions under row-level
 * security.
 */
@IntegrationTest
class PreviewStoreTests {

	private final Instant start = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void nobodyActs() {
		SecurityContextHolder.clearContext();
	}

	private PreviewStore store(Clock clock) {
		return new PreviewStore(this.jdbc, this.transactions, clock);
	}

	/** Operators act under their own name: the store's rows are theirs alone. */
	private static void actAs(String operator) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
					List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
	}

	@Test
	void aPreviewExpiresAfterThirtyMinutes() {
		MutableClock clock = new MutableClock(this.start);
		PreviewStore store = store(clock);
		actAs("alice");
		store.put(preview("a1", "alice", this.start));

		clock.now = this.start.plus(Duration.ofMinutes(29));
		assertThat(store.find("a1", "alice")).isPresent();
		clock.now = this.start.plus(Duration.ofMinutes(31));
		assertThat(store.find("a1", "alice")).isEmpty();
	}

	@Test
	void onlyItsOwnerFindsAPreview() {
		PreviewStore store = store(new MutableClock(this.start));
		actAs("alice");
		store.put(preview("a2", "alice", this.start));
		assertThat(store.find("a2", "alice")).isPresent();
		actAs("bob");
		assertThat(store.find("a2", "bob")).isEmpty();
		// Not even with alice's name: bob's transactions see none of alice's rows.
		assertThat(store.find("a2", "alice")).isEmpty();
	}

	@Test
	void theOldestPreviewGivesWayWhenTheStoreIsFull() {
		PreviewStore store = store(new MutableClock(this.start));
		actAs("carol");
		for (int i = 0; i <= PreviewStore.CAPACITY; i++) {
			store.put(preview("p" + i, "carol", this.start.plusSeconds(i)));
		}
		assertThat(store.find("p0", "carol")).isEmpty();
		assertThat(store.find("p1", "carol")).isPresent();
		assertThat(store.find("p" + PreviewStore.CAPACITY, "carol")).isPresent();
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
