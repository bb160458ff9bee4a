package ch.mspguard.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.StoredEvaluation;

/**
 * What the tenant page shows: the light and its reasons, findings grouped into gateway,
 * tenant and domains, and the matrix of domains by domain rules.
 *
 * @param evaluation the stored evaluation
 * @param gatewayFindings rendered gateway-scoped findings
 * @param tenantFindings rendered tenant-scoped findings
 * @param domains per domain, its rendered findings in catalogue order
 * @param domainIds domain name to id
 */
public record TenantView(StoredEvaluation evaluation, List<RenderedFinding> gatewayFindings,
		List<RenderedFinding> tenantFindings, Map<String, List<RenderedFinding>> domains, Map<String, UUID> domainIds,
		boolean all) {

	static TenantView of(StoredEvaluation evaluation, List<RenderedFinding> gateway, List<RenderedFinding> own,
			boolean all) {
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
		domains.values()
			.forEach((list) -> list.sort(java.util.Comparator.comparing((f) -> Catalogue.position(f.ruleId()))));
		return new TenantView(evaluation, gateway, tenant, domains, ids, all);
	}

	/** The ids of the rules that make up the domain matrix's columns. */
	public List<String> domainRuleIds() {
		return Catalogue.rules().stream().filter((rule) -> rule.scope() == Scope.DOMAIN).map(Rule::id).toList();
	}

	/** The findings to show: only problems unless the reader asked for all. */
	public List<RenderedFinding> shown(List<RenderedFinding> findings) {
		return this.all ? findings : findings.stream().filter(RenderedFinding::isProblem).toList();
	}

	/** The findings of one domain to show. */
	public List<RenderedFinding> shownForDomain(String domain) {
		return shown(this.domains.getOrDefault(domain, List.of()));
	}

	public int count(String outcome) {
		return this.evaluation.counts().get(Outcome.valueOf(outcome));
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

	/** Every finding that makes the light what it is, most severe first. */
	public List<RenderedFinding> reasons() {
		List<RenderedFinding> all = new ArrayList<>(this.gatewayFindings);
		all.addAll(this.tenantFindings);
		this.domains.values().forEach(all::addAll);
		return all.stream()
			.filter(RenderedFinding::isProblem)
			.sorted(java.util.Comparator.comparing((RenderedFinding f) -> f.outcome() != Outcome.FAIL)
				.thenComparing(RenderedFinding::severity)
				.thenComparing((f) -> Catalogue.position(f.ruleId())))
			.toList();
	}

	public boolean domainHasProblems(String domain) {
		return this.domains.getOrDefault(domain, List.of()).stream().anyMatch(RenderedFinding::isProblem);
	}

}
