package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.gateway.GatewaySnapshot;

/**
 * The evaluation of one gateway, in memory: its own findings and light, and each
 * tenant's.
 *
 * @param gatewayFindings the gateway-scoped findings
 * @param tenants per tenant name, in document order
 */
public record GatewayResult(List<Finding> gatewayFindings, Map<String, TenantResult> tenants) {

	public GatewayResult {
		gatewayFindings = List.copyOf(gatewayFindings);
	}

	public Light light() {
		return Light.of(this.gatewayFindings.stream().map(Finding::outcome).toList());
	}

	/** Evaluates all rules of the catalogue. */
	public static GatewayResult evaluate(GatewaySnapshot snapshot, ReferenceNetworks exchangeOnlineRanges) {
		return of(snapshot, Catalogue.evaluate(new EvaluationContext(snapshot, exchangeOnlineRanges)));
	}

	static GatewayResult of(GatewaySnapshot snapshot, List<Finding> findings) {
		List<Finding> gateway = new ArrayList<>();
		Map<String, List<Finding>> byTenant = new LinkedHashMap<>();
		snapshot.tenants().forEach((tenant) -> byTenant.put(tenant.name(), new ArrayList<>()));
		for (Finding finding : findings) {
			if (finding.scope() == Scope.GATEWAY) {
				gateway.add(finding);
			}
			else {
				byTenant.get(finding.tenant()).add(finding);
			}
		}
		Map<String, TenantResult> tenants = new LinkedHashMap<>();
		byTenant.forEach((name, own) -> tenants.put(name, new TenantResult(name, own, gateway)));
		return new GatewayResult(gateway, tenants);
	}

}
