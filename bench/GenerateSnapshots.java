import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes benchmark snapshot documents: {@code gateways} gateways with {@code tenants}
 * tenants of {@code domains} domains each, plus one tenant "bench-25" with 25 domains on
 * the first gateway. A third of the tenants fail TLS-OUT (red), a third lack the TLS
 * attestation (yellow), the rest pass (green). No dependencies: run it with
 * {@code java bench/GenerateSnapshots.java DIR GATEWAYS TENANTS DOMAINS}.
 */
public class GenerateSnapshots {

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		int gateways = Integer.parseInt(args[1]);
		int tenants = Integer.parseInt(args[2]);
		int domains = Integer.parseInt(args[3]);
		Files.createDirectories(directory);
		int address = 0;
		for (int g = 0; g < gateways; g++) {
			Path file = directory.resolve("bench-gw-" + g + ".json");
			try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
				out.print("{\"format\":\"seppmail-hardening-snapshot/1\",\"gateway\":{\"name\":\"bench-gw-" + g + "\","
						+ "\"hostname\":\"mail" + g + ".bench.example\",\"hosting\":\"on-premises\","
						+ "\"requireTlsEncryption\":true,\"rejectSpoofedSenderDomain\":true,"
						+ "\"relayingNetworks\":[\"198.18.0.0/15\"],\"exchangeOnlineRelayingNetworks\":[],"
						+ "\"manualListEntries\":[{\"network\":\"198.18.0.0/15\",\"action\":\"accept\",\"comment\":\"tenants\"}],"
						+ "\"smtpInboundSources\":[\"any\"],\"adminInboundSources\":[\"192.0.2.0/28\"]},\"tenants\":[");
				for (int t = 0; t < tenants; t++) {
					if (t > 0) {
						out.print(',');
					}
					address = tenant(out, "bench-" + g + "-" + t, t, domains, address);
				}
				if (g == 0) {
					out.print(',');
					address = tenant(out, "bench-25", 1, 25, address);
				}
				out.println("]}");
			}
		}
	}

	private static int tenant(PrintWriter out, String name, int index, int domains, int address) {
		String tls = (index % 3 == 1) ? "null" : "\"verified\"";
		out.print("{\"name\":\"" + name + "\",\"displayName\":\"Bench " + name + " Zürich AG\","
				+ "\"adminEmail\":\"it@" + name + ".example\",\"mailServerTls\":" + tls + ",\"vpnTunnel\":false,\"domains\":[");
		for (int d = 0; d < domains; d++) {
			if (d > 0) {
				out.print(',');
			}
			String level = (index % 3 == 0 && d == 0) ? "may" : "secure";
			int a = address++;
			String server = "198." + (18 + (a >> 16)) + "." + ((a >> 8) & 255) + "." + (a & 255);
			out.print("{\"name\":\"d" + d + "." + name + ".example\",\"forwardingHost\":\"mx." + name
					+ ".example\",\"tlsLevel\":\"" + level + "\",\"tlsFingerprints\":[],\"allowedSendingServers\":[\""
					+ server + "\"],\"headerCheck\":null,\"exchangeOnlineTenantId\":null}");
		}
		out.print("]}");
		return address;
	}

}
