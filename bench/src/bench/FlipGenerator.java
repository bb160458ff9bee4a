package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.TlsLevel;

/**
 * A gateway whose tenants' lights all turn in one import (issue 15's benchmark): every tenant
 * is configured as the checklist wants (green), so switching the gateway-wide "Require TLS
 * encryption" off turns every light red, and on again turns them all green.
 * <p>
 * {@code FlipGenerator DIR GATEWAY TENANTS DOMAINS_PER_TENANT} writes {@code DIR/GATEWAY.json}
 * (all green) and {@code DIR/GATEWAY-tls-off.json} (all red).
 */
public final class FlipGenerator {

	private FlipGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		String gateway = args[1];
		List<Generator.Tenant> tenants = compliant(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(gateway + ".json"), Generator.json(gateway, tenants, true),
				StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(gateway + "-tls-off.json"), Generator.json(gateway, tenants, false),
				StandardCharsets.UTF_8);
	}

	/**
	 * TLS level secure, one sending server of its own inside the gateway's relaying networks
	 * (no overlap with any other domain), no header check, no Exchange Online; TLS from the
	 * tenant's mail server verified.
	 */
	static List<Generator.Tenant> compliant(int tenants, int domainsPerTenant) {
		List<Generator.Tenant> result = new ArrayList<>();
		int server = 0;
		for (int t = 0; t < tenants; t++) {
			List<Generator.Domain> domains = new ArrayList<>();
			for (int d = 0; d < domainsPerTenant; d++, server++) {
				String name = "d" + d + ".flip-" + t + ".example";
				int n = server + 1;
				String address = "100." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
				domains.add(new Generator.Domain(name, "mail." + name, TlsLevel.SECURE, List.of(), List.of(address),
						null, null, null));
			}
			result.add(new Generator.Tenant("flip-" + t, "Flip " + t + " AG", MailServerTls.VERIFIED, Boolean.FALSE,
					domains));
		}
		return result;
	}

}
