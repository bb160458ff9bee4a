package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;

import static ch.mspguard.checklist.rule.SnapshotFixtures.net;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the index against the obvious pairwise comparison on random data.
 */
class OverlapIndexTests {

	private static final String[] TENANTS = { "t0", "t1", "t2", "t3" };

	@Test
	void agreesWithPairwiseComparison() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			List<OverlapIndex.Entry> entries = new ArrayList<>();
			int size = random.nextInt(60);
			for (int i = 0; i < size; i++) {
				Network network = randomNetwork(random);
				String tenant = TENANTS[random.nextInt(TENANTS.length)];
				for (IPAddress block : network.blocks()) {
					entries.add(new OverlapIndex.Entry(tenant, tenant + "-" + i + ".example", network, block));
				}
			}
			OverlapIndex index = OverlapIndex.of(entries);
			for (int query = 0; query < 300; query++) {
				String tenant = TENANTS[random.nextInt(TENANTS.length)];
				for (IPAddress block : randomNetwork(random).blocks()) {
					OverlapIndex.Entry found = index.findOtherTenant(tenant, block);
					boolean expected = entries.stream()
						.anyMatch((entry) -> !entry.tenant().equals(tenant) && overlaps(entry.block(), block));
					assertThat(found != null).as("seed %d, %s asking about %s", seed, tenant, block)
						.isEqualTo(expected);
					if (found != null) {
						assertThat(found.tenant()).isNotEqualTo(tenant);
						assertThat(overlaps(found.block(), block)).isTrue();
						assertThat(entries).contains(found);
					}
				}
			}
		}
	}

	@Test
	void emptyIndexFindsNothing() {
		OverlapIndex index = OverlapIndex.of(List.of());
		assertThat(index.findOtherTenant("t0", net("192.0.2.1").blocks().get(0))).isNull();
		assertThat(index.findOtherTenant("t0", net("::/0").blocks().get(0))).isNull();
	}

	private static boolean overlaps(IPAddress a, IPAddress b) {
		return a.isIPv4() == b.isIPv4() && a.overlaps(b);
	}

	/** Small address spaces so that overlaps are frequent; both families and keywords. */
	private static Network randomNetwork(Random random) {
		return switch (random.nextInt(9)) {
			case 0, 1, 2 -> net("192.0.2." + random.nextInt(256) + "/" + (24 + random.nextInt(9)));
			case 3, 4, 5 ->
				net("2001:db8::" + Integer.toHexString(random.nextInt(256)) + "/" + (120 + random.nextInt(9)));
			case 6 -> net("198.51.100." + random.nextInt(256));
			case 7 -> net((random.nextBoolean() ? "0.0.0.0/" : "::/") + random.nextInt(2));
			default -> net("any");
		};
	}

}
