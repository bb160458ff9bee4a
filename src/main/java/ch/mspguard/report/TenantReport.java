package ch.mspguard.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.FindingGroups;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.gateway.TenantAttestation;

/**
 * What the tenant report shows: the evaluation with every finding by scope, the domain
 * matrix, and each remediation once with the subjects it applies to.
 *
 * @param evaluation the stored evaluation
 * @param gatewayFindings the gateway-scoped findings
 * @param tenantFindings the tenant-scoped findings
 * @param groups the tenant's own findings grouped into tenant and domains
 * @param remediations what to change, for every finding that needs attention
 * @param attestation the recorded attestation of the tenant's mail server TLS
 * @param generatedBy who asked for the report
 * @param generatedAt when, formatted for display
 * @param evaluatedAt when the evaluation ran, formatted for display
 */
record TenantReport(StoredEvaluation evaluation, List<RenderedFinding> gatewayFindings,
		List<RenderedFinding> tenantFindings, FindingGroups groups, List<Remediation> remediations,
		TenantAttestation attestation, String generatedBy, String generatedAt, String evaluatedAt) {

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
		FindingGroups groups = FindingGroups.of(own);
		List<RenderedFinding> tenant = groups.tenant();
		Map<String, List<RenderedFinding>> domains = groups.domains();
		List<RenderedFinding> all = new ArrayList<>(gateway);
		all.addAll(tenant);
		domains.values().forEach(all::addAll);
		return new TenantReport(evaluation, gateway, tenant, groups, remediations(all), attestation, generatedBy,
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

	/** Per domain, its findings in catalogue order. */
	public Map<String, List<RenderedFinding>> domains() {
		return this.groups.domains();
	}

	/** The ids of the rules that make up the domain matrix's columns. */
	public List<String> domainRuleIds() {
		return FindingGroups.domainRuleIds();
	}

	/** The outcome of a rule on a domain, for a matrix cell. */
	public Outcome cell(String domain, String ruleId) {
		return this.groups.cell(domain, ruleId);
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
