package ch.mspguard.report;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.TenantStatus;
import ch.mspguard.gateway.GatewayDirectory;

import org.springframework.stereotype.Component;

/**
 * Reads the summary report's data in the export's transaction, in a fixed number of
 * statements whatever the number of tenants.
 */
@Component
class SummaryQuery {

	private final CurrentEvaluations evaluations;

	private final GatewayDirectory gateways;

	private final ExportTransactions transactions;

	SummaryQuery(CurrentEvaluations evaluations, GatewayDirectory gateways, ExportTransactions transactions) {
		this.evaluations = evaluations;
		this.gateways = gateways;
		this.transactions = transactions;
	}

	SummaryReport summary(ExportFilter filter) {
		return this.transactions.read(() -> {
			List<TenantStatus> tenants = this.evaluations.all(filter.tenants());
			Map<Light, Long> lights = new EnumMap<>(Light.class);
			for (Light light : Light.values()) {
				lights.put(light, tenants.stream().filter((tenant) -> tenant.light() == light).count());
			}
			String gatewayName = (filter.gateway() != null) ? this.gateways.gateway(filter.gateway())
				.map(GatewayDirectory.GatewayRef::name)
				.orElse(filter.gateway().toString()) : null;
			return new SummaryReport(tenants, rules(filter), lights, filter, gatewayName);
		});
	}

	private List<CurrentEvaluations.RuleTally> rules(ExportFilter filter) {
		return this.evaluations.ruleTallies(filter.tenants())
			.stream()
			.sorted(Comparator.comparingLong(CurrentEvaluations.RuleTally::failing)
				.reversed()
				.thenComparing((line) -> Catalogue.position(line.ruleId())))
			.toList();
	}

}
