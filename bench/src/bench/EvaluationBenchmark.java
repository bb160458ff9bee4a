package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ch.mspguard.checklist.GatewayResult;
import ch.mspguard.checklist.ReferenceNetworks;
import ch.mspguard.gateway.GatewaySnapshot;

/**
 * Evaluates a generated gateway of N tenants × M domains in memory, with all ten rules, and
 * prints the median of several runs after warm-up. Not a test: it prints numbers and never
 * fails on a time.
 *
 * Usage: EvaluationBenchmark [tenants] [domainsPerTenant] [runs]
 */
public final class EvaluationBenchmark {

	public static void main(String[] args) {
		int tenants = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int domains = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		GatewaySnapshot snapshot = Generator.model("gw-bench", new Generator(42).tenants(tenants, domains));
		ReferenceNetworks ranges = ReferenceNetworks.exchangeOnlineDefault();
		long first = time(snapshot, ranges);
		for (int i = 0; i < 3; i++) {
			time(snapshot, ranges);
		}
		List<Long> times = new ArrayList<>();
		int findings = 0;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			GatewayResult result = GatewayResult.evaluate(snapshot, ranges);
			times.add((System.nanoTime() - start) / 1_000_000);
			findings = result.gatewayFindings().size()
					+ result.tenants().values().stream().mapToInt((tenant) -> tenant.findings().size()).sum();
		}
		Collections.sort(times);
		System.out.printf("evaluation in memory: %d tenants, %d domains, %d findings: first run %d ms, "
				+ "median of %d warm runs %d ms (min %d, max %d)%n", tenants, tenants * domains, findings, first, runs,
				times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
	}

	private static long time(GatewaySnapshot snapshot, ReferenceNetworks ranges) {
		long start = System.nanoTime();
		GatewayResult.evaluate(snapshot, ranges);
		return (System.nanoTime() - start) / 1_000_000;
	}

}
