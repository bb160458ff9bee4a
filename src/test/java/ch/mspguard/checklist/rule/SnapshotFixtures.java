package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.ReferenceNetworks;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.Fingerprint;
import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.HeaderCheck;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.ListAction;
import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.ManualListEntry;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.TlsLevel;

/**
 * Builders that keep rule tests to the one fact under test. Everything a test does not
 * set is "not recorded".
 */
public final class SnapshotFixtures {

	public static final UUID EXO_TENANT_ID = UUID.fromString("3f1c2a9e-6b7d-4e21-9a0b-5c8d7e6f1a2b");

	private SnapshotFixtures() {
	}

	public static Network net(String text) {
		return Network.parse(text);
	}

	public static List<Network> nets(String... texts) {
		return Arrays.stream(texts).map(Network::parse).toList();
	}

	/** A fingerprint of the given digest length. */
	public static Fingerprint fingerprint(int bytes) {
		byte[] digest = new byte[bytes];
		Arrays.fill(digest, (byte) 0xAB);
		return Fingerprint.of(digest);
	}

	public static ManualListEntry accept(String network) {
		return new ManualListEntry(net(network), ListAction.ACCEPT, null);
	}

	public static ManualListEntry reject(String network) {
		return new ManualListEntry(net(network), ListAction.REJECT, null);
	}

	public static GatewayBuilder gateway() {
		return new GatewayBuilder();
	}

	public static TenantBuilder tenant(String name) {
		return new TenantBuilder(name);
	}

	public static DomainBuilder domain(String name) {
		return new DomainBuilder(name);
	}

	/**
	 * The only finding of a gateway rule, or of a tenant or domain rule on one subject.
	 */
	public static Verdict verdict(Rule rule, GatewayBuilder gateway) {
		List<Finding> findings = rule.evaluate(gateway.context());
		if (findings.size() != 1) {
			throw new IllegalStateException("Expected one finding but got " + findings);
		}
		return findings.get(0).verdict();
	}

	/** The verdict of a domain rule on the named domain. */
	public static Verdict verdict(Rule rule, GatewayBuilder gateway, String domain) {
		return rule.evaluate(gateway.context())
			.stream()
			.filter((finding) -> domain.equals(finding.domain()))
			.findFirst()
			.orElseThrow()
			.verdict();
	}

	/** A gateway with one tenant holding the given domains. */
	public static GatewayBuilder withDomains(DomainBuilder... domains) {
		return gateway().tenants(tenant("alpha").domains(domains));
	}

	public static final class GatewayBuilder {

		private Hosting hosting;

		private Boolean requireTls;

		private Boolean spoofProtection;

		private List<Network> relaying;

		private List<Network> exoRelaying;

		private List<ManualListEntry> manualList;

		private List<Network> smtpSources;

		private List<Network> adminSources;

		private final List<TenantBuilder> tenants = new ArrayList<>();

		private ReferenceNetworks exchangeOnlineRanges = ReferenceNetworks.exchangeOnlineDefault();

		public GatewayBuilder hosting(Hosting hosting) {
			this.hosting = hosting;
			return this;
		}

		public GatewayBuilder requireTls(Boolean requireTls) {
			this.requireTls = requireTls;
			return this;
		}

		public GatewayBuilder spoofProtection(Boolean spoofProtection) {
			this.spoofProtection = spoofProtection;
			return this;
		}

		public GatewayBuilder relaying(String... networks) {
			this.relaying = nets(networks);
			return this;
		}

		public GatewayBuilder exoRelaying(String... networks) {
			this.exoRelaying = nets(networks);
			return this;
		}

		public GatewayBuilder manualList(ManualListEntry... entries) {
			this.manualList = List.of(entries);
			return this;
		}

		public GatewayBuilder smtpSources(String... networks) {
			this.smtpSources = nets(networks);
			return this;
		}

		public GatewayBuilder adminSources(String... networks) {
			this.adminSources = nets(networks);
			return this;
		}

		public GatewayBuilder exchangeOnlineRanges(ReferenceNetworks ranges) {
			this.exchangeOnlineRanges = ranges;
			return this;
		}

		public GatewayBuilder tenants(TenantBuilder... tenants) {
			this.tenants.addAll(List.of(tenants));
			return this;
		}

		public GatewaySnapshot build() {
			GatewaySettings settings = new GatewaySettings("gw-1", "gw-1.example.net", this.hosting, this.requireTls,
					this.spoofProtection, this.relaying, this.exoRelaying, this.manualList, this.smtpSources,
					this.adminSources);
			return new GatewaySnapshot(settings, this.tenants.stream().map(TenantBuilder::build).toList());
		}

		public EvaluationContext context() {
			return new EvaluationContext(build(), this.exchangeOnlineRanges);
		}

	}

	public static final class TenantBuilder {

		private final String name;

		private MailServerTls mailServerTls;

		private Boolean vpn;

		private final List<DomainBuilder> domains = new ArrayList<>();

		private TenantBuilder(String name) {
			this.name = name;
		}

		public TenantBuilder mailServerTls(MailServerTls mailServerTls) {
			this.mailServerTls = mailServerTls;
			return this;
		}

		public TenantBuilder vpn(Boolean vpn) {
			this.vpn = vpn;
			return this;
		}

		public TenantBuilder domains(DomainBuilder... domains) {
			this.domains.addAll(List.of(domains));
			return this;
		}

		TenantConfig build() {
			return new TenantConfig(this.name, null, null, this.mailServerTls, this.vpn,
					this.domains.stream().map(DomainBuilder::build).toList());
		}

	}

	public static final class DomainBuilder {

		private final String name;

		private TlsLevel tls;

		private final List<Fingerprint> fingerprints = new ArrayList<>();

		private final List<Network> allowed = new ArrayList<>();

		private HeaderCheck headerCheck;

		private UUID exchangeOnlineTenantId;

		private String unknownTls;

		private String forwardingHost;

		private Boolean noMxLookup;

		private DomainBuilder(String name) {
			this.name = name;
		}

		public DomainBuilder tls(TlsLevel tls) {
			this.tls = tls;
			return this;
		}

		public DomainBuilder fingerprints(Fingerprint... fingerprints) {
			this.fingerprints.addAll(List.of(fingerprints));
			return this;
		}

		public DomainBuilder allow(String... networks) {
			this.allowed.addAll(nets(networks));
			return this;
		}

		public DomainBuilder headerCheck() {
			this.headerCheck = new HeaderCheck("X-Relay-Token", 32, "9f86d081884c7d65");
			return this;
		}

		/** A TLS level the appliance sent that the checklist does not know. */
		public DomainBuilder unknownTls(String level) {
			this.unknownTls = level;
			return this;
		}

		public DomainBuilder forwarding(String host, Boolean noMxLookup) {
			this.forwardingHost = host;
			this.noMxLookup = noMxLookup;
			return this;
		}

		public DomainBuilder exchangeOnline() {
			this.exchangeOnlineTenantId = EXO_TENANT_ID;
			return this;
		}

		DomainConfig build() {
			return new DomainConfig(this.name, this.forwardingHost, this.tls, this.fingerprints, this.allowed,
					this.headerCheck, this.exchangeOnlineTenantId, this.unknownTls, null, this.noMxLookup, null);
		}

	}

}
