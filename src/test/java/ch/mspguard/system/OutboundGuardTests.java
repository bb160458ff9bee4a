package ch.mspguard.system;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundGuardTests {

	private final OutboundGuard strict = new OutboundGuard(new OutboundProperties(List.of()));

	private final OutboundGuard allowingOwnNetwork = new OutboundGuard(
			new OutboundProperties(List.of("10.20.0.0/16", "127.0.0.0/8")));

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "169.254.169.254", "169.254.1.1",
			"fe80::1", "10.0.0.1", "172.16.5.5", "192.168.1.1", "100.64.0.1", "fd00::1", "fd00:ec2::254",
			"::ffff:127.0.0.1", "::ffff:169.254.169.254", "224.0.0.1", "100.100.100.200" })
	void internalAddressesAreRefused(String address) throws Exception {
		assertThat(this.strict.isAllowed(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "193.246.1.1", "8.8.8.8", "2001:4860:4860::8888", "203.0.113.10" })
	void publicAddressesAreAllowed(String address) throws Exception {
		assertThat(this.strict.isAllowed(InetAddress.getByName(address))).as(address).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.20.3.4", "127.0.0.1" })
	void anOperatorCanAllowAPrivateNetwork(String address) throws Exception {
		assertThat(this.allowingOwnNetwork.isAllowed(InetAddress.getByName(address))).isTrue();
		assertThat(this.allowingOwnNetwork.isAllowed(InetAddress.getByName("10.21.0.1"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "169.254.169.254", "fd00:ec2::254" })
	void metadataAddressesStayRefusedWhateverIsAllowed(String address) throws Exception {
		OutboundGuard everything = new OutboundGuard(new OutboundProperties(List.of("0.0.0.0/0", "::/0")));
		assertThat(everything.isAllowed(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "127.0.0.1", "[::1]" })
	void namesAreCheckedAfterResolution(String host) {
		assertThatThrownBy(() -> this.strict.check(host.replace("[", "").replace("]", ""))).isInstanceOfSatisfying(
				OutboundGuard.OutboundRefusedException.class, (ex) -> assertThat(ex.notAllowed()).isTrue());
	}

}
