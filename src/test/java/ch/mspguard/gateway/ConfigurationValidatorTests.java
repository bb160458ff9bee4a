package ch.mspguard.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.IntStream;

import ch.mspguard.secrets.TestSecretKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules every value of a snapshot or an API pull passes: what is accepted, how it is
 * normalised, and which error (JSON pointer, message code, arguments) a user gets for
 * what is not.
 */
class ConfigurationValidatorTests {

	private final HeaderChecks headerChecks = new HeaderChecks(TestSecretKeys.withMasterKey((byte) 7));

	private final ConfigurationValidator validator = new ConfigurationValidator(this.headerChecks);

	// Tenant names

	@ParameterizedTest
	@ValueSource(strings = { "acme", "ACME_Holding-2", "a" })
	void seppmailCustomerNamesAreAcceptedAsWritten(String name) {
		assertThat(this.validator.tenantName(name, "/tenants/0/name")).isEqualTo(name);
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bravo gmbh", "acme.example", "", "müller" })
	void tenantNameOutsideTheSeppmailAlphabetIsRefusedAtItsPointer(String name) {
		assertThat(this.validator.tenantName(name, "/tenants/3/name")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/3/name", "tenant.name.invalid", name));
	}

	@Test
	void tenantNameOfMoreThan100CharactersIsRefused() {
		assertThat(this.validator.tenantName("a".repeat(100), "/tenants/0/name")).isNotNull();
		assertThat(this.validator.tenantName("b".repeat(101), "/tenants/1/name")).isNull();
		assertThat(this.validator.errors()).extracting(ValidationError::path, ValidationError::code)
			.contains(tuple("/tenants/1/name", "tenant.name.invalid"))
			.doesNotContain(tuple("/tenants/0/name", "tenant.name.invalid"));
	}

	@Test
	void tenantNameUsedTwiceIsRefusedNamingTheFirstOccurrence() {
		this.validator.tenantName("acme", "/tenants/0/name");
		this.validator.tenantName("bravo", "/tenants/1/name");
		this.validator.tenantName("acme", "/tenants/2/name");
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/2/name", "tenant.duplicate", "acme", "/tenants/0/name"));
		assertThat(this.validator.errors()).noneMatch((error) -> error.path().equals("/tenants/1/name"));
	}

	@Test
	void tenantNamesDifferingOnlyInCaseAreDuplicates() {
		this.validator.tenantName("Acme", "/tenants/0/name");
		this.validator.tenantName("ACME", "/tenants/1/name");
		// the message names both spellings, so the user sees the names differ only in
		// case
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/1/name", "tenant.duplicateCase", "ACME", "/tenants/0/name", "Acme"));
	}

	// Domain names

	@Test
	void domainIsStoredLowerCaseAndInternationalNamesAsPunycode() {
		assertThat(this.validator.domainName("Acme.EXAMPLE", "/tenants/0/domains/0/name")).isEqualTo("acme.example");
		assertThat(this.validator.domainName("bücher.example", "/tenants/0/domains/1/name"))
			.isEqualTo("xn--bcher-kva.example");
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "acme..example", "-acme.example", "acme_shop.example", "acme.example.",
			"192.0.2.1", "acme example" })
	void textThatIsNoManagedDomainIsRefusedAtItsPointer(String name) {
		assertThat(this.validator.domainName(name, "/tenants/1/domains/4/name")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/1/domains/4/name", "domain.invalid", name));
	}

	@Test
	void domainIsUniqueAcrossTenantsRegardlessOfCase() {
		this.validator.domainName("acme.example", "/tenants/0/domains/0/name");
		this.validator.domainName("ACME.example", "/tenants/1/domains/0/name");
		assertThat(this.validator.errors()).contains(ValidationError.of("/tenants/1/domains/0/name", "domain.duplicate",
				"acme.example", "/tenants/0/domains/0/name"));
	}

	@Test
	void tenantAndDomainNamesAreCheckedForDuplicatesSeparately() {
		this.validator.tenantName("acme", "/tenants/0/name");
		this.validator.domainName("acme.example", "/tenants/0/domains/0/name");
		this.validator.tenantName("bravo", "/tenants/1/name");
		this.validator.domainName("bravo.example", "/tenants/1/domains/0/name");
		assertThat(this.validator.errors()).isEmpty();
	}

	// Forwarding hosts

	@ParameterizedTest
	@CsvSource({ "Mail.Acme.EXAMPLE, mail.acme.example", "192.0.2.5, 192.0.2.5", "[2001:DB8::25], [2001:db8::25]",
			"2001:db8::25, 2001:db8::25", "mx, mx" })
	void forwardingHostIsAHostNameOrAnIpLiteral(String raw, String stored) {
		assertThat(this.validator.forwardingHost(raw, "/tenants/0/domains/0/forwardingHost")).isEqualTo(stored);
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.5/32", "192.0.2.256", "mail..acme.example", "mail acme.example", "2001:db8:::25",
			"mail.acme.example:25" })
	void forwardingHostThatIsNeitherIsRefused(String raw) {
		assertThat(this.validator.forwardingHost(raw, "/tenants/0/domains/0/forwardingHost")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/0/domains/0/forwardingHost", "host.invalid", raw));
	}

	// Networks

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 8, 15, 16, 24, 28, 31, 32 })
	void everyIpv4PrefixFrom0To32IsAccepted(int prefix) {
		Network network = this.validator.network("10.0.0.0/" + prefix, "/gateway/relayingNetworks/0");
		assertThat(this.validator.errors()).isEmpty();
		assertThat(network.blocks()).singleElement().satisfies((block) -> {
			assertThat(block.isIPv4()).isTrue();
			assertThat(block.getPrefixLength()).isEqualTo(prefix);
		});
	}

	@ParameterizedTest
	@CsvSource({ "203.0.113.77/24, 203.0.113.0/24", "192.0.2.1/32, 192.0.2.1", "192.0.2.1, 192.0.2.1",
			"0.0.0.0/0, 0.0.0.0/0", "10.1.2.3/8, 10.0.0.0/8", "2001:DB8:0:0::1/128, 2001:db8::1",
			"2001:db8:abcd::/47, 2001:db8:abcc::/47", "2001:0db8:0000:0000:0000:0000:0000:0000/32, 2001:db8::/32",
			"::/0, ::/0", "::1, ::1" })
	void networksAreNormalisedAsTheExportWritesThem(String raw, String normalised) {
		assertThat(this.validator.network(raw, "/gateway/adminInboundSources/0").text()).isEqualTo(normalised);
		assertThat(this.validator.errors()).isEmpty();
	}

	@Test
	void ipv4PrefixOf33IsRefused() {
		assertThat(this.validator.network("192.0.2.0/33", "/gateway/relayingNetworks/1")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/gateway/relayingNetworks/1", "network.prefix.ipv4", "192.0.2.0/33"));
	}

	@Test
	void ipv6PrefixUpTo128IsAcceptedAndBeyondRefused() {
		assertThat(this.validator.network("2001:db8::/128", "/gateway/smtpInboundSources/0").text())
			.isEqualTo("2001:db8::");
		assertThat(this.validator.network("2001:db8::/129", "/gateway/smtpInboundSources/1")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/gateway/smtpInboundSources/1", "network.prefix.ipv6", "2001:db8::/129"));
		assertThat(this.validator.errors()).noneMatch((error) -> error.path().endsWith("/0"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "192.0.2.0/", "192.0.2.0/-1", "192.0.2.0/24/8", "192.0.2.0/0x18", "192.0.2.0/255.255.255.0" })
	void prefixThatIsNotANumberUpTo32IsRefused(String raw) {
		assertThat(this.validator.network(raw, "/x")).isNull();
		assertThat(this.validator.errors()).contains(ValidationError.of("/x", "network.prefix.ipv4", raw));
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.300/24", "192.0.2", "192.0.2.1-192.0.2.9", "192.0.2.*", "010.0.0.1",
			"fe80::1%eth0", "mail.example", "2001:db8:::1" })
	void textThatIsNoAddressIsRefused(String raw) {
		assertThat(this.validator.network(raw, "/tenants/0/domains/0/allowedSendingServers/2")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/0/domains/0/allowedSendingServers/2", "network.address", raw));
	}

	@Test
	void emptyNetworkAndNetworkWithSpacesAreRefusedWithTheirOwnMessage() {
		this.validator.network("", "/a");
		this.validator.network(" 192.0.2.1", "/b");
		this.validator.network("192.0.2.0 /24", "/c");
		assertThat(this.validator.errors()).contains(ValidationError.of("/a", "network.empty"),
				ValidationError.of("/b", "network.spaces", " 192.0.2.1"),
				ValidationError.of("/c", "network.spaces", "192.0.2.0 /24"));
	}

	@ParameterizedTest
	@CsvSource({ "any, any", "ANY, any", "Internet, internet", "'*', '*'" })
	void keywordsStandForAllOfIpv4AndIpv6(String raw, String normalised) {
		Network network = this.validator.network(raw, "/gateway/smtpInboundSources/0");
		assertThat(network.text()).isEqualTo(normalised);
		assertThat(network.isKeyword()).isTrue();
		assertThat(network.blocks()).extracting(Object::toString).containsExactly("0.0.0.0/0", "::/0");
		assertThat(this.validator.errors()).isEmpty();
	}

	@Test
	void allAddressesWrittenAsPrefixIsNoKeyword() {
		assertThat(this.validator.network("0.0.0.0/0", "/x").isKeyword()).isFalse();
	}

	// Fingerprints

	@Test
	void fingerprintIsNormalisedToUpperCase() {
		String sha256 = IntStream.range(0, 32).mapToObj((i) -> "a" + (i % 10)).reduce((a, b) -> a + ":" + b).get();
		Fingerprint fingerprint = this.validator.fingerprint(sha256, "/tenants/0/domains/0/tlsFingerprints/0");
		assertThat(fingerprint.text()).isEqualTo(sha256.toUpperCase());
		assertThat(fingerprint.byteLength()).isEqualTo(32);
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 16, 20, 32, 48, 64 })
	void fingerprintsFromMd5ToSha512LengthAreAccepted(int bytes) {
		assertThat(this.validator.fingerprint(hexPairs(bytes), "/f")).isNotNull();
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 15, 65 })
	void fingerprintShorterThanMd5OrLongerThanSha512IsRefusedSayingItsLength(int bytes) {
		String raw = hexPairs(bytes);
		assertThat(this.validator.fingerprint(raw, "/tenants/2/domains/0/tlsFingerprints/1")).isNull();
		assertThat(this.validator.errors()).contains(
				ValidationError.of("/tenants/2/domains/0/tlsFingerprints/1", "fingerprint.length", raw, bytes, 16, 64));
	}

	@ParameterizedTest
	@ValueSource(strings = { "AB:CD:E", "ABCD", "AB-CD-EF", "AB:CD:", ":AB:CD", "GG:00", "AB::CD", "AB: CD" })
	void fingerprintThatIsNotColonSeparatedHexPairsIsRefused(String raw) {
		assertThat(this.validator.fingerprint(raw, "/tenants/0/domains/0/tlsFingerprints/0")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/0/domains/0/tlsFingerprints/0", "fingerprint.format", raw));
	}

	// Header checks

	@Test
	void headerCheckKeepsNameAndLengthAndAKeyedHashButNotTheValue() {
		HeaderCheck check = this.validator.headerCheck("X-Relay-Token: s3cret-value", "/h");
		assertThat(check.name()).isEqualTo("X-Relay-Token");
		assertThat(check.valueLength()).isEqualTo("s3cret-value".length());
		assertThat(check.valueHash()).matches("[0-9a-f]{64}").doesNotContain("s3cret");
		assertThat(check.valueHash()).isNotEqualTo(sha256Hex("s3cret-value"));
		assertThat(check.keepsStoredValue()).isFalse();
		assertThat(check.redactedText()).isEqualTo("X-Relay-Token:<redacted>");
		assertThat(this.validator.errors()).isEmpty();
	}

	@Test
	void equalHeaderValuesHaveEqualHashesAndOtherValuesOfTheSameLengthOthers() {
		HeaderCheck first = this.validator.headerCheck("X-Relay-Token:value-one", "/a");
		HeaderCheck again = this.validator.headerCheck("X-Relay-Token:value-one", "/b");
		HeaderCheck other = this.validator.headerCheck("X-Relay-Token:value-two", "/c");
		assertThat(again.valueHash()).isEqualTo(first.valueHash());
		assertThat(other.valueHash()).isNotEqualTo(first.valueHash());
		assertThat(other.valueLength()).isEqualTo(first.valueLength());
	}

	@Test
	void headerHashDependsOnTheInstallationsKey() {
		HeaderChecks otherInstallation = new HeaderChecks(TestSecretKeys.withMasterKey((byte) 8));
		assertThat(otherInstallation.parse("X-Relay-Token:value").valueHash())
			.isNotEqualTo(this.validator.headerCheck("X-Relay-Token:value", "/h").valueHash());
	}

	@Test
	void redactedHeaderValueMeansKeepTheStoredOne() {
		HeaderCheck check = this.validator.headerCheck("X-Acme-Relay:<redacted>", "/h");
		assertThat(check.keepsStoredValue()).isTrue();
		assertThat(check.name()).isEqualTo("X-Acme-Relay");
		assertThat(this.validator.errors()).isEmpty();
	}

	@Test
	void headerValueMayContainColons() {
		HeaderCheck check = this.validator.headerCheck("X-Token:a:b:c", "/h");
		assertThat(check.name()).isEqualTo("X-Token");
		assertThat(check.valueLength()).isEqualTo(5);
	}

	@Test
	void headerCheckErrorsSayWhatIsWrong() {
		this.validator.headerCheck("X-Relay-Token", "/tenants/0/domains/0/headerCheck");
		this.validator.headerCheck("X Relay:value", "/tenants/0/domains/1/headerCheck");
		this.validator.headerCheck(":value", "/tenants/0/domains/2/headerCheck");
		this.validator.headerCheck("X-Relay:", "/tenants/0/domains/3/headerCheck");
		this.validator.headerCheck("X-Relay:   ", "/tenants/0/domains/4/headerCheck");
		this.validator.headerCheck("X-Relay:" + "v".repeat(1001), "/tenants/0/domains/5/headerCheck");
		assertThat(this.validator.errors()).contains(
				ValidationError.of("/tenants/0/domains/0/headerCheck", "headerCheck.format"),
				ValidationError.of("/tenants/0/domains/1/headerCheck", "headerCheck.name", "X Relay"),
				ValidationError.of("/tenants/0/domains/2/headerCheck", "headerCheck.name", ""),
				ValidationError.of("/tenants/0/domains/3/headerCheck", "headerCheck.valueEmpty"),
				ValidationError.of("/tenants/0/domains/4/headerCheck", "headerCheck.valueEmpty"),
				ValidationError.of("/tenants/0/domains/5/headerCheck", "text.tooLong", 1000));
	}

	@Test
	void headerValueOf1000CharactersIsAccepted() {
		assertThat(this.validator.headerCheck("X-Relay:" + "v".repeat(1000), "/h").valueLength()).isEqualTo(1000);
		assertThat(this.validator.errors()).isEmpty();
	}

	// Exchange Online tenant id

	@Test
	void exchangeOnlineTenantIdIsAUuidInAnyCase() {
		assertThat(this.validator.exchangeOnlineTenantId("936DA01F-9ABD-4D9D-80C7-02AF85C822A8", "/e"))
			.isEqualTo(UUID.fromString("936da01f-9abd-4d9d-80c7-02af85c822a8"));
		assertThat(this.validator.errors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "936da01f-9abd-4d9d-80c7", "936da01f9abd4d9d80c702af85c822a8", "1-1-1-1-1",
			"{936da01f-9abd-4d9d-80c7-02af85c822a8}", "936da01f-9abd-4d9d-80c7-02af85c822ag",
			"contoso.onmicrosoft.com" })
	void exchangeOnlineTenantIdThatIsNoUuidIsRefused(String raw) {
		assertThat(this.validator.exchangeOnlineTenantId(raw, "/tenants/0/domains/0/exchangeOnlineTenantId")).isNull();
		assertThat(this.validator.errors())
			.contains(ValidationError.of("/tenants/0/domains/0/exchangeOnlineTenantId", "uuid.invalid", raw));
	}

	// Values not given, limits

	@Test
	void absentValuesAreNotRecordedAndNoError() {
		assertThat(this.validator.tenantName(null, "/a")).isNull();
		assertThat(this.validator.domainName(null, "/b")).isNull();
		assertThat(this.validator.network(null, "/c")).isNull();
		assertThat(this.validator.fingerprint(null, "/d")).isNull();
		assertThat(this.validator.headerCheck(null, "/e")).isNull();
		assertThat(this.validator.exchangeOnlineTenantId(null, "/f")).isNull();
		assertThat(this.validator.errors()).isEmpty();
	}

	@Test
	void aGatewayMayHave100000DomainsButNotOneMore() {
		for (int i = 0; i < ConfigurationValidator.MAX_DOMAINS; i++) {
			this.validator.domainName("d" + i + ".example", "/tenants/0/domains/" + i + "/name");
		}
		this.validator.checkDomainLimit("/tenants");
		assertThat(this.validator.errors()).isEmpty();

		this.validator.domainName("one-more.example", "/tenants/1/domains/0/name");
		this.validator.checkDomainLimit("/tenants");
		assertThat(this.validator.errors()).contains(ValidationError.of("/tenants", "limits.domains", 100_000));
	}

	private static String hexPairs(int bytes) {
		byte[] digest = new byte[bytes];
		for (int i = 0; i < bytes; i++) {
			digest[i] = (byte) (i * 37);
		}
		return HexFormat.ofDelimiter(":").formatHex(digest);
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
