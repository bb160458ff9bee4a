package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

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
 * Realistic gateways of any size, the same for the same seed: a mix of TLS levels, IPv4 and
 * IPv6 sending servers, Exchange Online domains with pseudo addresses, header checks, broad and
 * overlapping networks between tenants. Produces the snapshot document (with header values,
 * for imports) and the model (for in-memory evaluation).
 * <p>
 * As a program it writes the documents that {@code bench/run} imports:
 * {@code Generator DIR GATEWAY TENANTS DOMAINS_PER_TENANT [SEED]} writes
 * {@code DIR/GATEWAY.json}, {@code DIR/GATEWAY-changed.json} (the same with one domain's TLS
 * level changed, so that its import is a one-domain diff) and {@code DIR/GATEWAY-empty.json}
 * (the gateway without tenants, which removes them all).
 */
public final class Generator {

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		String gateway = args[1];
		int tenants = Integer.parseInt(args[2]);
		int domains = Integer.parseInt(args[3]);
		long seed = (args.length > 4) ? Long.parseLong(args[4]) : 42;
		List<Tenant> generated = new Generator(seed).tenants(tenants, domains);
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(gateway + ".json"), json(gateway, generated), StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(gateway + "-changed.json"), json(gateway, changeOneDomain(generated)),
				StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(gateway + "-empty.json"), json(gateway, List.of()), StandardCharsets.UTF_8);
	}

	/** The same tenants with the first domain's TLS level switched between secure and may. */
	static List<Tenant> changeOneDomain(List<Tenant> tenants) {
		List<Tenant> result = new ArrayList<>(tenants);
		Tenant first = result.get(0);
		List<Domain> domains = new ArrayList<>(first.domains());
		Domain domain = domains.get(0);
		domains.set(0, new Domain(domain.name(), domain.forwardingHost(),
				(domain.level() == TlsLevel.SECURE) ? TlsLevel.MAY : TlsLevel.SECURE, List.of(), domain.servers(),
				domain.headerName(), domain.headerValue(), domain.exchangeOnline()));
		result.set(0, new Tenant(first.name(), first.displayName(), first.tls(), first.vpn(), domains));
		return result;
	}

	/** Careful tenants (six in ten) use only these and no shared or broad networks. */
	private static final TlsLevel[] CAREFUL_LEVELS = { TlsLevel.SECURE, TlsLevel.SECURE, TlsLevel.SECURE,
			TlsLevel.FINGERPRINT };

	private static final TlsLevel[] LEVELS = { TlsLevel.SECURE, TlsLevel.SECURE, TlsLevel.SECURE,
			TlsLevel.FINGERPRINT, TlsLevel.VERIFY, TlsLevel.MAY, TlsLevel.ENCRYPT, TlsLevel.NONE, null };

	private static final MailServerTls[] ATTESTATIONS = { MailServerTls.VERIFIED, MailServerTls.VERIFIED,
			MailServerTls.ENCRYPTED, MailServerTls.OPPORTUNISTIC, null };

	/** One domain as generated, before it becomes a model record or JSON. */
	record Domain(String name, String forwardingHost, TlsLevel level, List<String> fingerprints,
			List<String> servers, String headerName, String headerValue, UUID exchangeOnline) {
	}

	record Tenant(String name, String displayName, MailServerTls tls, Boolean vpn, List<Domain> domains) {
	}

	private final Random random;

	public Generator(long seed) {
		this.random = new Random(seed);
	}

	public List<Tenant> tenants(int tenants, int domainsPerTenant) {
		List<Tenant> result = new ArrayList<>();
		for (int t = 0; t < tenants; t++) {
			List<Domain> domains = new ArrayList<>();
			boolean careful = this.random.nextInt(10) < 6;
			for (int d = 0; d < domainsPerTenant; d++) {
				domains.add(domain(t, d, careful));
			}
			MailServerTls tls = ATTESTATIONS[this.random.nextInt(ATTESTATIONS.length)];
			result.add(new Tenant("tenant-" + t, "Tenant " + t + " AG", careful ? MailServerTls.VERIFIED : tls,
					(this.random.nextInt(10) == 0) ? Boolean.TRUE : Boolean.FALSE, domains));
		}
		return result;
	}

	private Domain domain(int t, int d, boolean careful) {
		String name = "d" + d + ".tenant-" + t + ".example";
		boolean exchangeOnline = this.random.nextInt(4) == 0;
		TlsLevel[] levels = careful ? CAREFUL_LEVELS : LEVELS;
		TlsLevel level = levels[this.random.nextInt(levels.length)];
		List<String> fingerprints = new ArrayList<>();
		if (level == TlsLevel.FINGERPRINT) {
			byte[] digest = new byte[(!careful && this.random.nextInt(2) == 0) ? 20 : 32];
			this.random.nextBytes(digest);
			fingerprints.add(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
		}
		List<String> servers = new ArrayList<>();
		if (exchangeOnline) {
			servers.add("10.255." + (t % 256) + "." + (d % 250 + 1));
		}
		else {
			int count = this.random.nextInt(3) + 1;
			for (int i = 0; i < count; i++) {
				servers.add(server(t, d, i, careful));
			}
		}
		if (this.random.nextInt(50) == 0) {
			servers.clear();
		}
		String header = (this.random.nextInt(6) == 0) ? "X-Tenant-" + t : null;
		return new Domain(name, exchangeOnline ? name.replace('.', '-') + ".mail.protection.outlook.com" : "mail." + name,
				level, fingerprints, servers, header, (header != null) ? "secret-" + t + "-" + d : null,
				exchangeOnline ? new UUID(this.random.nextLong(), this.random.nextLong()) : null);
	}

	/**
	 * Mostly one tenant's own addresses; now and then a /28, and for careless tenants a
	 * network shared with other tenants or a broad one that overlaps the neighbour's.
	 */
	private String server(int t, int d, int i, boolean careful) {
		int kind = careful ? 2 + this.random.nextInt(38) : this.random.nextInt(40);
		int n = t * 64 + d * 3 + i;
		String prefix = "100." + ((n >> 8) & 255) + "." + (n & 255);
		if (kind == 0) {
			return "198.18.0.0/16";
		}
		if (kind == 1) {
			return "2001:db8:" + Integer.toHexString(t % 65536) + "::/47";
		}
		if (kind < 12) {
			return "2001:db8:" + Integer.toHexString(t % 65536) + ":" + Integer.toHexString(d % 65536) + "::" + (i + 1);
		}
		if (kind < 15) {
			return prefix + ".0/28";
		}
		return prefix + "." + (1 + this.random.nextInt(250));
	}

	public static GatewaySettings settings(String name) {
		List<Network> relaying = List.of(Network.parse("100.0.0.0/8"), Network.parse("198.18.0.0/16"),
				Network.parse("2001:db8::/32"));
		List<Network> exchange = List.of(Network.parse("40.92.0.0/15"), Network.parse("40.107.0.0/16"),
				Network.parse("52.100.0.0/14"), Network.parse("104.47.0.0/17"));
		List<ManualListEntry> manual = new ArrayList<>();
		relaying.forEach((network) -> manual.add(new ManualListEntry(network, ListAction.ACCEPT, "relays")));
		exchange.forEach((network) -> manual.add(new ManualListEntry(network, ListAction.ACCEPT, "Exchange Online")));
		return new GatewaySettings(name, "mx." + name + ".example", Hosting.AZURE, true, true, relaying, exchange, manual,
				List.of(Network.parse("any")), List.of(Network.parse("198.51.100.0/29")));
	}

	public static GatewaySnapshot model(String gateway, List<Tenant> tenants) {
		List<TenantConfig> configs = new ArrayList<>();
		for (Tenant tenant : tenants) {
			List<DomainConfig> domains = new ArrayList<>();
			for (Domain domain : tenant.domains()) {
				domains.add(new DomainConfig(domain.name(), domain.forwardingHost(), domain.level(),
						domain.fingerprints().stream().map(Fingerprint::parse).toList(),
						domain.servers().stream().map(Network::parse).toList(),
						(domain.headerName() != null) ? new HeaderCheck(domain.headerName(),
								domain.headerValue().length(), "00") : null,
						domain.exchangeOnline()));
			}
			configs.add(new TenantConfig(tenant.name(), tenant.displayName(), null, tenant.tls(), tenant.vpn(), domains));
		}
		return new GatewaySnapshot(settings(gateway), configs);
	}

	/** The snapshot document, header values included, as an import takes it. */
	public static String json(String gateway, List<Tenant> tenants) {
		return json(gateway, tenants, true);
	}

	/**
	 * @param requireTls the gateway-wide "Require TLS encryption" (TLS-IN-GATEWAY fails for
	 * every tenant without it)
	 */
	static String json(String gateway, List<Tenant> tenants, boolean requireTls) {
		GatewaySettings settings = settings(gateway);
		StringBuilder out = new StringBuilder(tenants.size() * 4096);
		out.append("{\"format\":\"seppmail-hardening-snapshot/1\",\"gateway\":{\"name\":").append(quote(gateway))
			.append(",\"hostname\":").append(quote(settings.hostname()))
			.append(",\"hosting\":\"azure\",\"requireTlsEncryption\":")
			.append(requireTls)
			.append(",\"rejectSpoofedSenderDomain\":true")
			.append(",\"relayingNetworks\":").append(networks(settings.relayingNetworks()))
			.append(",\"exchangeOnlineRelayingNetworks\":").append(networks(settings.exchangeOnlineRelayingNetworks()))
			.append(",\"manualListEntries\":[");
		for (int i = 0; i < settings.manualListEntries().size(); i++) {
			ManualListEntry entry = settings.manualListEntries().get(i);
			out.append((i > 0) ? "," : "").append("{\"network\":").append(quote(entry.network().text()))
				.append(",\"action\":\"accept\",\"comment\":").append(quote(entry.comment())).append('}');
		}
		out.append("],\"smtpInboundSources\":[\"any\"],\"adminInboundSources\":[\"198.51.100.0/29\"]},\"tenants\":[");
		for (int t = 0; t < tenants.size(); t++) {
			Tenant tenant = tenants.get(t);
			out.append((t > 0) ? "," : "").append("{\"name\":").append(quote(tenant.name()))
				.append(",\"displayName\":").append(quote(tenant.displayName()))
				.append(",\"mailServerTls\":").append((tenant.tls() != null) ? quote(tenant.tls().jsonValue()) : "null")
				.append(",\"vpnTunnel\":").append(tenant.vpn()).append(",\"domains\":[");
			for (int d = 0; d < tenant.domains().size(); d++) {
				Domain domain = tenant.domains().get(d);
				out.append((d > 0) ? "," : "").append("{\"name\":").append(quote(domain.name()))
					.append(",\"forwardingHost\":").append(quote(domain.forwardingHost()))
					.append(",\"tlsLevel\":").append((domain.level() != null) ? quote(domain.level().jsonValue()) : "null")
					.append(",\"tlsFingerprints\":").append(strings(domain.fingerprints()))
					.append(",\"allowedSendingServers\":").append(strings(domain.servers()))
					.append(",\"headerCheck\":")
					.append((domain.headerName() != null) ? quote(domain.headerName() + ":" + domain.headerValue()) : "null")
					.append(",\"exchangeOnlineTenantId\":")
					.append((domain.exchangeOnline() != null) ? quote(domain.exchangeOnline().toString()) : "null")
					.append('}');
			}
			out.append("]}");
		}
		return out.append("]}").toString();
	}

	private static String networks(List<Network> networks) {
		return strings(networks.stream().map(Network::text).toList());
	}

	private static String strings(List<String> values) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			out.append((i > 0) ? "," : "").append(quote(values.get(i)));
		}
		return out.append(']').toString();
	}

	private static String quote(String value) {
		return (value != null) ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : "null";
	}

}
