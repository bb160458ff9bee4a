package ch.mspguard.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.gateway.TenantAttestation;

/**
 * What the tenant report shows: the evaluation with every finding by scope, the domain
 * matrix, and each remediation once with the subjects it applies to.
 *
 * @param evaluation the stored evaluation
 * @param gatewayFindings the gateway-scoped findings
 * @param tenantFindings the tenant-scoped findings
 * @param domains per domain its findings in checklist order
 * @param remediations what to change, for every finding that needs attention
 * @param attestation the recorded attestation of the tenant's mail server TLS
 * @param generatedBy who asked for the report
 * @param generatedAt when, formatted for display
 * @param evaluatedAt when the evaluation ran, formatted for display
 */
record TenantReport(StoredEvaluation evaluation, List<RenderedFinding> gatewayFindings,
		List<RenderedFinding> tenantFindings, Map<String, List<RenderedFinding>> domains,
		List<Remediation> remediations, TenantAttestation attestation, String generatedBy, String generatedAt,
		String evaluatedAt) {

	/**
	 * One remediation text with the findings it fixes.
	 *
	 * @param ruleId the rule
	 * @param title the rule's title
	 * @param text the remediation
	 * @param findings the findings it applies to
	 */
	record Remediation(String ruleId, String title, String text, List<RenderedFinding> findings) {
	}

	static TenantReport of(StoredEvaluation evaluation, List<RenderedFinding> gateway, List<RenderedFinding> own,
			TenantAttestation attestation, String generatedBy, String generatedAt, String evaluatedAt) {
		List<RenderedFinding> tenant = new ArrayList<>();
		Map<String, List<RenderedFinding>> domains = new LinkedHashMap<>();
		for (RenderedFinding finding : own) {
			if (finding.scope() == Scope.DOMAIN) {
				domains.computeIfAbsent(finding.domain(), (key) -> new ArrayList<>()).add(finding);
			}
			else {
				tenant.add(finding);
			}
		}
		domains.values().forEach((list) -> list.sort(Comparator.comparing((f) -> Catalogue.position(f.ruleId()))));
		List<RenderedFinding> all = new ArrayList<>(gateway);
		all.addAll(tenant);
		domains.values().forEach(all::addAll);
		return new TenantReport(evaluation, gateway, tenant, domains, remediations(all), attestation, generatedBy,
				generatedAt, evaluatedAt);
	}

	private static List<Remediation> remediations(List<RenderedFinding> findings) {
		Map<String, Remediation> byText = new LinkedHashMap<>();
		findings.stream()
			.filter(RenderedFinding::isProblem)
			.sorted(Comparator.comparing((RenderedFinding f) -> Catalogue.position(f.ruleId())))
			.forEach((f) -> byText
				.computeIfAbsent(f.ruleId() + "\n" + f.remediation(),
						(key) -> new Remediation(f.ruleId(), f.title(), f.remediation(), new ArrayList<>()))
				.findings()
				.add(f));
		return List.copyOf(byText.values());
	}

	/** The ids of the rules that make up the domain matrix's columns. */
	public List<String> domainRuleIds() {
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

	/** The number (from 1) of the remediation that fixes the finding. */
	public int remediationNumber(RenderedFinding finding) {
		for (int i = 0; i < this.remediations.size(); i++) {
			Remediation remediation = this.remediations.get(i);
			if (remediation.ruleId().equals(finding.ruleId()) && remediation.text().equals(finding.remediation())) {
				return i + 1;
			}
		}
		return 0;
	}

	public int count(String outcome) {
		return this.evaluation.counts().get(Outcome.valueOf(outcome));
	}

	public boolean hasAttestation() {
		return this.attestation != null && (this.attestation.attestedBy() != null
				|| this.attestation.attestedOn() != null || this.attestation.evidence() != null);
	}

}
