package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's share of an evaluation: its own findings, with the gateway-scoped findings
 * of its gateway counted into its light and counts as the checklist's vocabulary says.
 *
 * @param tenant the tenant's name
 * @param findings the tenant's tenant- and domain-scoped findings
 * @param gatewayFindings the gateway-scoped findings of its gateway
 */
public record TenantResult(String tenant, List<Finding> findings, List<Finding> gatewayFindings) {

	public TenantResult {
		findings = List.copyOf(findings);
		gatewayFindings = List.copyOf(gatewayFindings);
	}

	/** Gateway findings first, then tenant, then domain findings. */
	public List<Finding> allFindings() {
		List<Finding> all = new ArrayList<>(this.gatewayFindings);
		all.addAll(this.findings);
		return all;
	}

	public Light light() {
		return Light.of(allFindings().stream().map(Finding::outcome).toList());
	}

	public Map<Outcome, Integer> counts() {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, 0);
		}
		allFindings().forEach((finding) -> counts.merge(finding.outcome(), 1, Integer::sum));
		return counts;
	}

	/** Rules with a FAIL, in catalogue order. */
	public List<String> failingRules() {
		return rulesWith(List.of(Outcome.FAIL));
	}

	/** Rules with a WARN or UNKNOWN, in catalogue order. */
	public List<String> attentionRules() {
		return rulesWith(List.of(Outcome.WARN, Outcome.UNKNOWN));
	}

	/** The most severe rule that fails (catalogue order breaks ties). */
	public Optional<String> worstRule() {
		return failingRules().stream()
			.min(Comparator.comparing((String id) -> Catalogue.rule(id).orElseThrow().severity())
				.thenComparing(Catalogue::position));
	}

	private List<String> rulesWith(List<Outcome> outcomes) {
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		allFindings().stream()
			.filter((finding) -> outcomes.contains(finding.outcome()))
			.map(Finding::ruleId)
			.sorted(Comparator.comparing(Catalogue::position))
			.forEach(ids::add);
		return List.copyOf(ids);
	}

}
