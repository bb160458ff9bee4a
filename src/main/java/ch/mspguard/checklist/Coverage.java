package ch.mspguard.checklist;

import java.util.List;
import java.util.Map;

/**
 * What {@link FindingCoverage} answered for one evaluation: per tenant name, the covered
 * findings (by identity: the very {@link Finding} instances of the evaluated result) and
 * the exceptions that cover them; and the causes of exceptions whose state changed during
 * the evaluation (needs review, lapsed).
 *
 * @param covered per tenant name, the covered findings and what covers them
 * @param causes exception events to record as causes of light changes
 */
public record Coverage(Map<String, Map<Finding, CoveredBy>> covered, List<Cause> causes) {

	/** Nothing covered, nothing changed. */
	public static final Coverage NONE = new Coverage(Map.of(), List.of());

	public CoveredBy coveredBy(String tenant, Finding finding) {
		Map<Finding, CoveredBy> findings = this.covered.get(tenant);
		return (findings != null) ? findings.get(finding) : null;
	}

	/** The tenant's light from the findings no exception covers. */
	public Light light(TenantResult tenant) {
		Map<Finding, CoveredBy> findings = this.covered.get(tenant.tenant());
		if (findings == null || findings.isEmpty()) {
			return tenant.light();
		}
		return Light.of(tenant.allFindings()
			.stream()
			.filter((finding) -> !findings.containsKey(finding))
			.map(Finding::outcome)
			.toList());
	}

	/** How many of the tenant's findings are covered. */
	public int count(TenantResult tenant) {
		Map<Finding, CoveredBy> findings = this.covered.get(tenant.tenant());
		return (findings != null) ? findings.size() : 0;
	}

}
