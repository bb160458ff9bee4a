package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.mspguard.gateway.TlsLevel;

/**
 * The worst case for the rules that compare tenants with each other (issue 18): every
 * tenant's allowed sending servers overlap many other tenants' — a shared /16, a /20 shared
 * with its 16 neighbours, its own /24 inside both, and a shared IPv6 /40 — and each domain
 * lists many entries, so that every message built from the lists would be long.
 * <p>
 * {@code OverlapGenerator DIR GATEWAY TENANTS DOMAINS_PER_TENANT} writes
 * {@code DIR/GATEWAY.json} and {@code DIR/GATEWAY-empty.json} (which removes every tenant).
 */
public final class OverlapGenerator {

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		String gateway = args[1];
		int tenants = Integer.parseInt(args[2]);
		int domains = Integer.parseInt(args[3]);
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(gateway + ".json"), Generator.json(gateway, tenants(tenants, domains)),
				StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(gateway + "-empty.json"), Generator.json(gateway, List.of()),
				StandardCharsets.UTF_8);
	}

	public static List<Generator.Tenant> tenants(int tenants, int domainsPerTenant) {
		List<Generator.Tenant> result = new ArrayList<>(tenants);
		for (int t = 0; t < tenants; t++) {
			List<Generator.Domain> domains = new ArrayList<>(domainsPerTenant);
			for (int d = 0; d < domainsPerTenant; d++) {
				List<String> servers = new ArrayList<>();
				servers.add("100.64.0.0/16");
				int second = 65 + (t >> 8);
				servers.add("100." + second + "." + ((t & 255) & 0xF0) + ".0/20");
				servers.add("100." + second + "." + (t & 255) + ".0/24");
				servers.add("2001:db8:ff00::/40");
				for (int i = 0; i < 8; i++) {
					servers.add("100.67." + (i * 16) + ".0/20");
				}
				String name = "d" + d + ".overlap-" + t + ".example";
				domains.add(new Generator.Domain(name, "mail." + name, TlsLevel.SECURE, List.of(), servers, null, null,
						null));
			}
			result.add(new Generator.Tenant("overlap-" + t, "Overlap " + t + " AG", null, Boolean.FALSE, domains));
		}
		return result;
	}

}
