package ch.mspguard.gateway;

import java.util.List;

import ch.mspguard.TestSnapshots;
import ch.mspguard.gateway.SnapshotDiff.DomainChange;
import ch.mspguard.gateway.SnapshotDiff.DomainRef;
import ch.mspguard.gateway.SnapshotDiff.FieldChange;
import ch.mspguard.gateway.SnapshotDiff.TenantChange;
import ch.mspguard.secrets.TestSecretKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the import preview shows: the difference between the stored configuration of a
 * gateway and an uploaded snapshot. Both sides are read from documents, as in the
 * preview.
 */
class SnapshotDiffTests {

	private final SnapshotReader reader = new SnapshotReader(new HeaderChecks(TestSecretKeys.withMasterKey((byte) 7)));

	private final GatewaySnapshot stored = snapshot(document());

	@Test
	void theSameDocumentAgainChangesNothing() {
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document()));
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.newGateway()).isFalse();
		assertThat(diff.gatewayChanges()).isEmpty();
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.changedDomains()).isEmpty();
	}

	@Test
	void theSameConfigurationWrittenDifferentlyChangesNothing() {
		ObjectNode document = document();
		domain(document, 0, 0).put("name", "ACME.Example");
		domain(document, 0, 0).putArray("allowedSendingServers").add("10.255.255.1/32");
		domain(document, 0, 0).putArray("tlsFingerprints")
			.add("3a:7f:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:c2");
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay: s3cret-value-never-stored");
		gateway(document).putArray("adminInboundSources").add("198.51.100.7/29");
		assertThat(SnapshotDiff.between(this.stored, snapshot(document)).isEmpty()).isTrue();
	}

	@Test
	void aNewGatewayHasAllItsTenantsDomainsAndRecordedSettingsAdded() {
		SnapshotDiff diff = SnapshotDiff.between(null, this.stored);
		assertThat(diff.newGateway()).isTrue();
		assertThat(diff.isEmpty()).isFalse();
		assertThat(diff.addedTenants()).containsExactly("acme", "bravo");
		assertThat(diff.addedDomains()).containsExactly(new DomainRef("acme", "acme.example"),
				new DomainRef("acme", "acme-shop.example"), new DomainRef("bravo", "bravo.example"));
		assertThat(diff.removedTenants()).isEmpty();
		assertThat(diff.removedDomains()).isEmpty();
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.changedDomains()).isEmpty();
		assertThat(diff.gatewayChanges()).contains(new FieldChange("hostname", null, "mail.msp.example"),
				new FieldChange("hosting", null, "azure"), new FieldChange("requireTlsEncryption", null, "true"),
				new FieldChange("relayingNetworks", null, "192.0.2.0/28, 2001:db8:1::/64"),
				new FieldChange("adminInboundSources", null, "198.51.100.0/29"));
	}

	@Test
	void aNewGatewayWithNothingRecordedIsStillAChange() {
		SnapshotDiff diff = SnapshotDiff.between(null, snapshot(TestSnapshots.JSON
			.readTree("{\"format\": \"seppmail-hardening-snapshot/1\", \"gateway\": {\"name\": \"gw-new\"}}")));
		assertThat(diff.newGateway()).isTrue();
		assertThat(diff.gatewayChanges()).isEmpty();
		assertThat(diff.addedTenants()).isEmpty();
		assertThat(diff.isEmpty()).isFalse();
	}

	@Test
	void aTenantMissingFromTheDocumentIsRemovedWithItsDomains() {
		ObjectNode document = document();
		tenants(document).remove(1);
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.removedTenants()).containsExactly("bravo");
		assertThat(diff.removedDomains()).containsExactly(new DomainRef("bravo", "bravo.example"));
		assertThat(diff.addedTenants()).isEmpty();
		assertThat(diff.addedDomains()).isEmpty();
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.isEmpty()).isFalse();
	}

	@Test
	void aNewTenantIsAddedWithItsDomains() {
		ObjectNode document = document();
		ObjectNode charlie = tenants(document).addObject().put("name", "charlie");
		ArrayNode charlieDomains = charlie.putArray("domains");
		charlieDomains.addObject().put("name", "charlie.example");
		charlieDomains.addObject().put("name", "charlie.ch");
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.addedTenants()).containsExactly("charlie");
		assertThat(diff.addedDomains()).containsExactly(new DomainRef("charlie", "charlie.example"),
				new DomainRef("charlie", "charlie.ch"));
		assertThat(diff.removedTenants()).isEmpty();
		assertThat(diff.removedDomains()).isEmpty();
	}

	@Test
	void domainsAddedAndRemovedWithinATenantLeaveTheTenantUnchanged() {
		ObjectNode document = document();
		domains(document, 0).remove(1);
		domains(document, 0).addObject().put("name", "acme.ch");
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.addedDomains()).containsExactly(new DomainRef("acme", "acme.ch"));
		assertThat(diff.removedDomains()).containsExactly(new DomainRef("acme", "acme-shop.example"));
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.addedTenants()).isEmpty();
		assertThat(diff.removedTenants()).isEmpty();
	}

	@Test
	void tenantFieldsChangeWithBeforeAndAfter() {
		ObjectNode document = document();
		((ObjectNode) tenants(document).get(0)).put("displayName", "ACME Holding AG")
			.putNull("adminEmail")
			.put("mailServerTls", "opportunistic")
			.put("vpnTunnel", true);
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.changedTenants()).singleElement().satisfies((change) -> {
			assertThat(change.tenant()).isEqualTo("acme");
			assertThat(change.changes()).containsExactlyInAnyOrder(
					new FieldChange("displayName", "ACME AG", "ACME Holding AG"),
					new FieldChange("adminEmail", "it@acme.example", null),
					new FieldChange("mailServerTls", "verified", "opportunistic"),
					new FieldChange("vpnTunnel", "false", "true"));
		});
		assertThat(diff.changedDomains()).isEmpty();
	}

	@Test
	void aTenantNotRecordedBeforeShowsNullAsBefore() {
		ObjectNode document = document();
		((ObjectNode) tenants(document).get(1)).put("mailServerTls", "verified").put("vpnTunnel", false);
		assertThat(SnapshotDiff.between(this.stored, snapshot(document)).changedTenants())
			.containsExactly(new TenantChange("bravo", List.of(new FieldChange("mailServerTls", null, "verified"),
					new FieldChange("vpnTunnel", null, "false"))));
	}

	@Test
	void domainFieldsChangeOneByOneWithBeforeAndAfter() {
		ObjectNode document = document();
		domain(document, 0, 0).put("forwardingHost", "mx.acme.example")
			.put("tlsLevel", "secure")
			.putNull("exchangeOnlineTenantId");
		domain(document, 0, 0).putArray("tlsFingerprints");
		domain(document, 0, 0).putArray("allowedSendingServers").add("10.255.255.1").add("2001:db8:2::/48");
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.changedDomains()).singleElement().satisfies((change) -> {
			assertThat(change.tenant()).isEqualTo("acme");
			assertThat(change.domain()).isEqualTo("acme.example");
			assertThat(change.changes()).containsExactlyInAnyOrder(
					new FieldChange("forwardingHost", "acme-example.mail.protection.outlook.com", "mx.acme.example"),
					new FieldChange("tlsLevel", "fingerprint", "secure"),
					new FieldChange("tlsFingerprints",
							"3A:7F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:C2",
							""),
					new FieldChange("allowedSendingServers", "10.255.255.1", "10.255.255.1, 2001:db8:2::/48"),
					new FieldChange("exchangeOnlineTenantId", "936da01f-9abd-4d9d-80c7-02af85c822a8", null));
		});
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.addedDomains()).isEmpty();
		assertThat(diff.removedDomains()).isEmpty();
	}

	@Test
	void aDomainMovedToAnotherTenantIsAChangeOfTenantNotARemovalAndAnAddition() {
		ObjectNode document = document();
		JsonNode moved = domains(document, 1).remove(0);
		domains(document, 0).add(moved);
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.changedDomains()).containsExactly(
				new DomainChange("acme", "bravo.example", List.of(new FieldChange("tenant", "bravo", "acme"))));
		assertThat(diff.addedDomains()).isEmpty();
		assertThat(diff.removedDomains()).isEmpty();
		assertThat(diff.removedTenants()).isEmpty();
	}

	@Test
	void gatewaySettingsChangeWithBeforeAndAfter() {
		ObjectNode document = document();
		gateway(document).put("hosting", "on-premises")
			.put("requireTlsEncryption", false)
			.put("hostname", "mx.msp.example");
		gateway(document).putArray("relayingNetworks").add("192.0.2.0/28");
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.gatewayChanges()).containsExactlyInAnyOrder(
				new FieldChange("hostname", "mail.msp.example", "mx.msp.example"),
				new FieldChange("hosting", "azure", "on-premises"),
				new FieldChange("requireTlsEncryption", "true", "false"),
				new FieldChange("relayingNetworks", "192.0.2.0/28, 2001:db8:1::/64", "192.0.2.0/28"));
		assertThat(diff.newGateway()).isFalse();
		assertThat(diff.changedTenants()).isEmpty();
		assertThat(diff.changedDomains()).isEmpty();
	}

	@Test
	void listNoLongerRecordedIsToldApartFromListRecordedEmpty() {
		ObjectNode document = document();
		gateway(document).putNull("adminInboundSources");
		gateway(document).putArray("smtpInboundSources");
		gateway(document).putNull("rejectSpoofedSenderDomain");
		assertThat(SnapshotDiff.between(this.stored, snapshot(document)).gatewayChanges()).containsExactlyInAnyOrder(
				new FieldChange("adminInboundSources", "198.51.100.0/29", null),
				new FieldChange("smtpInboundSources", "40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 104.47.0.0/17", ""),
				new FieldChange("rejectSpoofedSenderDomain", "true", null));
	}

	@Test
	void manualListEntriesShowNetworkActionAndComment() {
		ObjectNode document = document();
		ArrayNode entries = (ArrayNode) gateway(document).get("manualListEntries");
		((ObjectNode) entries.get(0)).put("comment", "relays of acme");
		entries.addObject().put("network", "203.0.113.0/24").put("action", "reject");
		assertThat(SnapshotDiff.between(this.stored, snapshot(document)).gatewayChanges()).containsExactly(
				new FieldChange("manualListEntries", "192.0.2.0/28 accept (tenant relays), 2001:db8:1::/64 accept",
						"192.0.2.0/28 accept (relays of acme), 2001:db8:1::/64 accept, 203.0.113.0/24 reject"));
	}

	@Test
	void aChangedHeaderValueIsShownAsChangedWithoutShowingEitherValue() {
		ObjectNode document = document();
		// Same length as the stored value: only the hash can tell them apart.
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay:t4cret-value-never-stored");
		SnapshotDiff diff = SnapshotDiff.between(this.stored, snapshot(document));
		assertThat(diff.changedDomains()).singleElement().satisfies((change) -> {
			assertThat(change.domain()).isEqualTo("acme-shop.example");
			assertThat(change.changes()).singleElement().satisfies((field) -> {
				assertThat(field.field()).isEqualTo("headerCheck");
				assertThat(field.before()).startsWith("X-Acme-Relay:<redacted ").doesNotContain("s3cret");
				assertThat(field.after()).startsWith("X-Acme-Relay:<redacted ").doesNotContain("t4cret");
				assertThat(field.after()).isNotEqualTo(field.before());
			});
		});
	}

	@Test
	void headerCheckRemovedAndRenamed() {
		ObjectNode removed = document();
		domain(removed, 0, 1).putNull("headerCheck");
		ObjectNode renamed = document();
		domain(renamed, 0, 1).put("headerCheck", "X-Shop-Relay:s3cret-value-never-stored");

		FieldChange removal = SnapshotDiff.between(this.stored, snapshot(removed))
			.changedDomains()
			.get(0)
			.changes()
			.get(0);
		assertThat(removal.before()).startsWith("X-Acme-Relay:<redacted ").doesNotContain("s3cret");
		assertThat(removal.after()).isNull();
		FieldChange rename = SnapshotDiff.between(this.stored, snapshot(renamed))
			.changedDomains()
			.get(0)
			.changes()
			.get(0);
		assertThat(rename.before()).startsWith("X-Acme-Relay:");
		assertThat(rename.after()).startsWith("X-Shop-Relay:").doesNotContain("s3cret");
	}

	@Test
	void aHeaderCheckAddedToADomainShowsOnlyItsName() {
		ObjectNode document = document();
		domain(document, 1, 0).put("headerCheck", "X-Bravo:very-secret");
		assertThat(SnapshotDiff.between(this.stored, snapshot(document)).changedDomains()).singleElement()
			.satisfies((change) -> assertThat(change.changes()).singleElement().satisfies((field) -> {
				assertThat(field.before()).isNull();
				assertThat(field.after()).startsWith("X-Bravo:<redacted ").doesNotContain("very-secret");
			}));
	}

	private GatewaySnapshot snapshot(JsonNode document) {
		return this.reader.read(TestSnapshots.bytes(document));
	}

	private static ObjectNode document() {
		return (ObjectNode) TestSnapshots.read("two-tenants.json");
	}

	private static ObjectNode gateway(ObjectNode document) {
		return (ObjectNode) document.get("gateway");
	}

	private static ArrayNode tenants(ObjectNode document) {
		return (ArrayNode) document.get("tenants");
	}

	private static ArrayNode domains(ObjectNode document, int tenant) {
		return (ArrayNode) tenants(document).get(tenant).get("domains");
	}

	private static ObjectNode domain(ObjectNode document, int tenant, int domain) {
		return (ObjectNode) domains(document, tenant).get(domain);
	}

}
