package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ch.mspguard.checklist.rule.AdminExposureRule;
import ch.mspguard.checklist.rule.ExoPort25Rule;
import ch.mspguard.checklist.rule.RelayDomainRule;
import ch.mspguard.checklist.rule.RelayExoRule;
import ch.mspguard.checklist.rule.RelayIsolationRule;
import ch.mspguard.checklist.rule.SpoofProtectRule;
import ch.mspguard.checklist.rule.SpoofWelcomeRule;
import ch.mspguard.checklist.rule.TlsInGatewayRule;
import ch.mspguard.checklist.rule.TlsInTenantRule;
import ch.mspguard.checklist.rule.TlsOutRule;

/**
 * The hardening checklist as the code knows it. Stored evaluations record
 * {@link #VERSION} so that a changed outcome can be told apart from a changed checklist.
 */
public final class Catalogue {

	/** Raise whenever the semantics of a rule change. */
	public static final int VERSION = 1;

	private static final List<Rule> RULES = List.of(new TlsOutRule(), new TlsInGatewayRule(), new TlsInTenantRule(),
			new RelayDomainRule(), new RelayExoRule(), new RelayIsolationRule(), new SpoofProtectRule(),
			new SpoofWelcomeRule(), new ExoPort25Rule(), new AdminExposureRule());

	/** Gateway findings first, then tenant, then domain: the order a report reads. */
	private static final List<Rule> EVALUATION_ORDER = RULES.stream()
		.sorted(Comparator.comparing(Rule::scope))
		.toList();

	private Catalogue() {
	}

	/** All rules in the order of the checklist. */
	public static List<Rule> rules() {
		return RULES;
	}

	/** The rule's place in the checklist, for sorting; unknown ids sort last. */
	public static int position(String id) {
		for (int i = 0; i < RULES.size(); i++) {
			if (RULES.get(i).id().equals(id)) {
				return i;
			}
		}
		return RULES.size();
	}

	public static Optional<Rule> rule(String id) {
		return RULES.stream().filter((rule) -> rule.id().equals(id)).findFirst();
	}

	/**
	 * All findings of all rules on one gateway: gateway-scoped first, then tenant, then
	 * domain; within a rule in document order of tenants and domains.
	 */
	public static List<Finding> evaluate(EvaluationContext context) {
		List<Finding> findings = new ArrayList<>();
		for (Rule rule : EVALUATION_ORDER) {
			findings.addAll(rule.evaluate(context));
		}
		return findings;
	}

}
