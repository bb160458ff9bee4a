package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import static ch.mspguard.checklist.rule.SnapshotFixtures.net;
import static ch.mspguard.checklist.rule.SnapshotFixtures.nets;
import static org.assertj.core.api.Assertions.assertThat;

class NetworksTests {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0", "any", "internet", "*", "ANY" })
	void prefixZeroAndKeywordsAreCatchAll(String text) {
		assertThat(Networks.isCatchAll(net(text))).isTrue();
		assertThat(Networks.isBroad(net(text))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/1", "::/1", "192.0.2.0/24", "2001:db8::1" })
	void otherNetworksAreNotCatchAll(String text) {
		assertThat(Networks.isCatchAll(net(text))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/1", "10.0.0.0/8", "198.51.100.0/23", "::/1", "2001:db8::/32", "2001:db8::/47" })
	void shortPrefixesAreBroad(String text) {
		assertThat(Networks.isBroad(net(text))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "198.51.100.0/24", "198.51.100.0/25", "198.51.100.7", "2001:db8::/48", "2001:db8::/64",
			"2001:db8::1" })
	void longPrefixesAreNotBroad(String text) {
		assertThat(Networks.isBroad(net(text))).isFalse();
	}

	@Test
	void prefixLengthIsReadFromTheAddressesNotFromTheAttribute() {
		IPAddress block = new IPAddressString("10.0.0.0/8").getAddress().toPrefixBlock().withoutPrefixLength();
		assertThat(Networks.isBroad(new Network("10.0.0.0/8", List.of(block)))).isTrue();
		IPAddress all = new IPAddressString("::/0").getAddress().toPrefixBlock().withoutPrefixLength();
		assertThat(Networks.isCatchAll(new Network("::/0", List.of(all)))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/8", "10.255.255.254", "172.16.0.0/12", "172.31.255.255", "192.168.0.0/16",
			"192.168.1.1", "fc00::/7", "fd12:3456::1", "fc00::1" })
	void privateRangesArePrivate(String text) {
		assertThat(Networks.isPrivate(net(text))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/7", "9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0", "192.169.0.1",
			"192.0.2.1", "fe80::1", "2001:db8::1", "fc00::/6", "::ffff:10.0.0.1", "any" })
	void otherNetworksAreNotPrivate(String text) {
		assertThat(Networks.isPrivate(net(text))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.1", "192.0.2.1/32", "2001:db8::1", "2001:db8::1/128" })
	void bareAddressesAreSingle(String text) {
		assertThat(Networks.isSingleAddress(net(text))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.0/31", "2001:db8::/127", "any" })
	void blocksAreNotSingle(String text) {
		assertThat(Networks.isSingleAddress(net(text))).isFalse();
	}

	@Test
	void placeholderIsASinglePrivateAddressOutsideTheRelayingNetworks() {
		List<Network> relaying = nets("10.1.0.0/16", "fd00:1::/64", "192.0.2.0/24");
		assertThat(Networks.isPlaceholder(net("10.2.0.1"), relaying)).isTrue();
		assertThat(Networks.isPlaceholder(net("fd00:2::1"), relaying)).isTrue();
		assertThat(Networks.isPlaceholder(net("10.1.0.1"), relaying)).isFalse();
		assertThat(Networks.isPlaceholder(net("fd00:1::1"), relaying)).isFalse();
		assertThat(Networks.isPlaceholder(net("10.2.0.0/30"), relaying)).isFalse();
		assertThat(Networks.isPlaceholder(net("198.51.100.1"), relaying)).isFalse();
	}

	@Test
	void everySinglePrivateAddressIsAPlaceholderWhenRelayingIsNotRecorded() {
		assertThat(Networks.isPlaceholder(net("10.1.0.1"), (List<Network>) null)).isTrue();
		assertThat(Networks.isPlaceholder(net("fd00::1"), (List<Network>) null)).isTrue();
		assertThat(Networks.isPlaceholder(net("10.1.0.0/24"), (List<Network>) null)).isFalse();
		assertThat(Networks.isPlaceholder(net("192.0.2.1"), (List<Network>) null)).isFalse();
	}

	@Test
	void relayingKeywordContainsEveryPlaceholderCandidate() {
		assertThat(Networks.isPlaceholder(net("10.1.0.1"), nets("any"))).isFalse();
		assertThat(Networks.isPlaceholder(net("fd00::1"), nets("0.0.0.0/0"))).isTrue();
	}

	@Test
	void containmentWorksPerFamily() {
		assertThat(Networks.contains(net("192.0.2.0/24"), net("192.0.2.5"))).isTrue();
		assertThat(Networks.contains(net("192.0.2.5"), net("192.0.2.0/24"))).isFalse();
		assertThat(Networks.contains(net("2001:db8::/32"), net("2001:db8:1::/48"))).isTrue();
		assertThat(Networks.contains(net("0.0.0.0/0"), net("2001:db8::1"))).isFalse();
		assertThat(Networks.contains(net("any"), net("2001:db8::1"))).isTrue();
		assertThat(Networks.contains(net("::/0"), net("any"))).isFalse();
		assertThat(Networks.contains(net("*"), net("any"))).isTrue();
	}

	@Test
	void overlapWorksPerFamily() {
		assertThat(Networks.overlaps(net("192.0.2.0/24"), net("192.0.2.128/25"))).isTrue();
		assertThat(Networks.overlaps(net("192.0.2.128/25"), net("192.0.2.0/24"))).isTrue();
		assertThat(Networks.overlaps(net("192.0.2.0/25"), net("192.0.2.128/25"))).isFalse();
		assertThat(Networks.overlaps(net("2001:db8::/48"), net("2001:db8:0:ffff::1"))).isTrue();
		assertThat(Networks.overlaps(net("2001:db8::/48"), net("2001:db8:1::1"))).isFalse();
		assertThat(Networks.overlaps(net("0.0.0.0"), net("::"))).isFalse();
		assertThat(Networks.overlaps(net("any"), net("2001:db8::1"))).isTrue();
	}

	@Test
	void unionOfTwoHalvesCoversTheWhole() {
		assertThat(Networks.uncovered(nets("192.0.2.0/24"), nets("192.0.2.128/25", "192.0.2.0/25"))).isEmpty();
		assertThat(Networks.uncovered(nets("2001:db8::/48"), nets("2001:db8::/49", "2001:db8:0:8000::/49"))).isEmpty();
	}

	@Test
	void unionWithAGapDoesNotCover() {
		assertThat(
				Networks.uncovered(nets("192.0.2.0/24"),
						nets("192.0.2.0/25", "192.0.2.129/32", "192.0.2.130/31", "192.0.2.132/30", "192.0.2.136/29",
								"192.0.2.144/28", "192.0.2.160/27", "192.0.2.192/26")))
			.containsExactly(net("192.0.2.0/24"));
	}

	@Test
	void unionOfOverlappingAndNestedEntriesCovers() {
		assertThat(Networks.uncovered(nets("192.0.2.0/24"),
				nets("192.0.2.0/26", "192.0.2.32/27", "192.0.2.64/26", "192.0.2.100", "192.0.2.128/25")))
			.isEmpty();
	}

	@Test
	void unionDoesNotCrossFamilies() {
		assertThat(Networks.uncovered(nets("2001:db8::/48", "192.0.2.0/24"), nets("0.0.0.0/0")))
			.containsExactly(net("2001:db8::/48"));
		assertThat(Networks.uncovered(nets("any"), nets("0.0.0.0/0"))).containsExactly(net("any"));
		assertThat(Networks.uncovered(nets("any"), nets("0.0.0.0/1", "128.0.0.0/1", "::/0"))).isEmpty();
	}

	@Test
	void uncoveredListsEachNetworkOnceInOrder() {
		assertThat(Networks.uncovered(nets("198.51.100.1", "192.0.2.0/24", "198.51.100.1"), nets()))
			.containsExactly(net("198.51.100.1"), net("192.0.2.0/24"));
	}

	@Test
	void unionCoverageAgreesWithAddressByAddressCheck() {
		Random random = new Random(42L);
		for (int round = 0; round < 500; round++) {
			List<Network> available = new ArrayList<>();
			int count = random.nextInt(6);
			for (int i = 0; i < count; i++) {
				available.add(net("192.0.2." + random.nextInt(256) + "/" + (26 + random.nextInt(7))));
			}
			Network required = net("192.0.2." + random.nextInt(256) + "/" + (24 + random.nextInt(9)));
			boolean covered = Networks.uncovered(List.of(required), available).isEmpty();
			assertThat(covered).as("%s by %s", required, available)
				.isEqualTo(coveredAddressByAddress(required, available));
		}
	}

	private static boolean coveredAddressByAddress(Network required, List<Network> available) {
		for (IPAddress address : required.blocks().get(0).getIterable()) {
			if (available.stream().noneMatch((network) -> network.blocks().get(0).contains(address))) {
				return false;
			}
		}
		return true;
	}

	@Test
	void joinNamesEachNetworkOnce() {
		assertThat(Networks.join(nets("192.0.2.1", "2001:db8::/48", "192.0.2.1")))
			.isEqualTo("192.0.2.1, 2001:db8::/48");
	}

}
