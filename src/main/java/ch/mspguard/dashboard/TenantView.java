package ch.mspguard.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.FindingGroups;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.StoredEvaluation;

/**
 * What the tenant page shows: the light and its reasons, findings grouped into gateway,
 * tenant and domains, and the matrix of domains by domain rules.
 *
 * @param evaluation the stored evaluation
 * @param gatewayFindings rendered gateway-scoped findings
 * @param tenantFindings rendered tenant-scoped findings
 * @param groups the tenant's own findings grouped into tenant and domains
 * @param domainIds domain name to id
 */
public record TenantView(StoredEvaluation evaluation, List<RenderedFinding> gatewayFindings,
		List<RenderedFinding> tenantFindings, FindingGroups groups, boolean all) {

	/** Per domain, its findings in catalogue order. */
	public Map<String, List<RenderedFinding>> domains() {
		return this.groups.domains();
	}

	/** Per domain, its id. */
	public Map<String, UUID> domainIds() {
		return this.groups.domainIds();
	}

	static TenantView of(StoredEvaluation evaluation, List<RenderedFinding> gateway, List<RenderedFinding> own,
			boolean all) {
		FindingGroups groups = FindingGroups.of(own);
		return new TenantView(evaluation, gateway, groups.tenant(), groups, all);
	}

	/** The ids of the rules that make up the domain matrix's columns. */
	public List<String> domainRuleIds() {
		return FindingGroups.domainRuleIds();
	}

	/** The findings to show: only problems unless the reader asked for all. */
	public List<RenderedFinding> shown(List<RenderedFinding> findings) {
		return this.all ? findings : findings.stream().filter(RenderedFinding::isProblem).toList();
	}

	/** The findings of one domain to show. */
	public List<RenderedFinding> shownForDomain(String domain) {
		return shown(domains().getOrDefault(domain, List.of()));
	}

	/** Issue 14: how many of the tenant's findings an exception covers. */
	public long covered() {
		return this.evaluation.findings().stream().filter((finding) -> finding.exception() != null).count();
	}

	public int count(String outcome) {
		return this.evaluation.counts().get(Outcome.valueOf(outcome));
	}

	/** The outcome of a rule on a domain, for a matrix cell. */
	public Outcome cell(String domain, String ruleId) {
		return this.groups.cell(domain, ruleId);
	}

	/**
	 * Every finding that makes the light what it is, most severe first; a finding an
	 * exception covers does not (issue 14).
	 */
	public List<RenderedFinding> reasons() {
		List<RenderedFinding> all = new ArrayList<>(this.gatewayFindings);
		all.addAll(this.tenantFindings);
		domains().values().forEach(all::addAll);
		return all.stream()
			.filter((finding) -> finding.isProblem() && finding.exception() == null)
			.sorted(java.util.Comparator.comparing((RenderedFinding f) -> f.outcome() != Outcome.FAIL)
				.thenComparing(RenderedFinding::severity)
				.thenComparing((f) -> Catalogue.position(f.ruleId())))
			.toList();
	}

	public boolean domainHasProblems(String domain) {
		return domains().getOrDefault(domain, List.of()).stream().anyMatch(RenderedFinding::isProblem);
	}

}
