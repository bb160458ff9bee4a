package ch.mspguard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.LightsChanged;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand tenants whose lights change in one evaluation: their events are written in
 * one batch in the evaluation's transaction, and one digest lists each tenant once.
 * Prints the times (a figure for the lead, not a gate: benchmarks live under
 * {@code bench/}).
 */
class NotificationVolumeTests extends NotificationTestSupport {

	static final int TENANTS = 1000;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageRenderer renderer;

	@Test
	void aThousandTenantsChangingTogetherBecomeAThousandEventsAndOneDigestListingEachOnce() {
		ImportResult gateway = importTwoTenants();
		List<LightsChanged.TenantChange> changes = new ArrayList<>();
		for (int i = 0; i < TENANTS; i++) {
			changes.add(change(new ImportResult.TenantRef(UUID.randomUUID(), String.format("tenant-%04d", i)),
					Light.GREEN, Light.RED));
		}
		long start = System.nanoTime();
		lightsChanged(gateway.gatewayId(), changes.toArray(LightsChanged.TenantChange[]::new));
		long written = System.nanoTime();
		assertThat(this.db.count("SELECT count(*) FROM notification_event WHERE routed_at IS NULL "
				+ "AND type = 'LIGHT_WORSENED' AND gateway_id = ?", gateway.gatewayId()))
			.isEqualTo(TENANTS);

		List<OutboxEvent> events = SystemActor.call("test",
				() -> this.transactions.execute((tx) -> this.outbox.unrouted(DeliveryPlanner.BATCH + 10)
					.stream()
					.filter((event) -> event.type() == EventType.LIGHT_WORSENED)
					.toList()));
		long renderStart = System.nanoTime();
		RenderedMessage digest = this.renderer.render(events, true, "en");
		String plain = digest.plain();
		String html = this.renderer.html(digest, "en");
		long rendered = System.nanoTime();

		assertThat(digest.groups()).hasSize(TENANTS);
		assertThat(plain).containsOnlyOnce("Tenant tenant-0999 ");
		assertThat(html).contains("tenant-0500");
		System.out.printf(
				"issue 15 volume: %d light events written in the evaluation's transaction in %d ms;"
						+ " digest of %d tenants rendered (plain + HTML) in %d ms%n",
				TENANTS, (written - start) / 1_000_000, TENANTS, (rendered - renderStart) / 1_000_000);
	}

}
