package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's own findings as the tenant page and the tenant report group them: those of
 * the tenant itself, and per domain in catalogue order, which makes the matrix of domains
 * by domain rules.
 *
 * @param tenant the tenant-scoped findings
 * @param domains per domain (in the order of the findings), its findings in catalogue
 * order
 * @param domainIds per domain, its id
 */
public record FindingGroups(List<RenderedFinding> tenant, Map<String, List<RenderedFinding>> domains,
		Map<String, UUID> domainIds) {

	public static FindingGroups of(List<RenderedFinding> own) {
		List<RenderedFinding> tenant = new ArrayList<>();
		Map<String, List<RenderedFinding>> domains = new LinkedHashMap<>();
		Map<String, UUID> ids = new LinkedHashMap<>();
		for (RenderedFinding finding : own) {
			if (finding.scope() == Scope.DOMAIN) {
				domains.computeIfAbsent(finding.domain(), (key) -> new ArrayList<>()).add(finding);
				ids.put(finding.domain(), finding.domainId());
			}
			else {
				tenant.add(finding);
			}
		}
		domains.values().forEach((list) -> list.sort(Comparator.comparing((f) -> Catalogue.position(f.ruleId()))));
		return new FindingGroups(tenant, domains, ids);
	}

	/** The ids of the rules that make up the domain matrix's columns. */
	public static List<String> domainRuleIds() {
		return Catalogue.rules().stream().filter((rule) -> rule.scope() == Scope.DOMAIN).map(Rule::id).toList();
	}

	/** The outcome of a rule on a domain, for a matrix cell. */
	public Outcome cell(String domain, String ruleId) {
		return this.domains.getOrDefault(domain, List.of())
			.stream()
			.filter((finding) -> finding.ruleId().equals(ruleId))
			.map(RenderedFinding::outcome)
			.findFirst()
			.orElse(Outcome.UNKNOWN);
	}

}
