package ch.mspguard.dashboard;

import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.exceptions.ExceptionService;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.UnassignedTenants;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tenant's page: for operators and auditors, and the only page a tenant admin sees.
 */
@Controller
class TenantPageController {

	private final EvaluationReader evaluations;

	private final FindingTexts texts;

	private final TenantHistoryViews history;

	private final DataAges dataAges;

	TenantPageController(EvaluationReader evaluations, FindingTexts texts, TenantHistoryViews history,
			DataAges dataAges) {
		this.evaluations = evaluations;
		this.texts = texts;
		this.history = history;
		this.dataAges = dataAges;
	}

	@GetMapping("/tenants/{tenantId}")
	String tenant(@PathVariable UUID tenantId, @RequestParam(defaultValue = "false") boolean all, Locale locale,
			Model model) {
		TenantAccess.requireVisible(tenantId);
		StoredEvaluation evaluation = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId));
		TenantView view = TenantView.of(evaluation,
				this.texts.render(evaluation.gatewayFindings(), evaluation.gatewayDetails(), locale),
				this.texts.render(evaluation.findings(), evaluation.details(), locale), all);
		model.addAttribute("view", view);
		model.addAttribute("history", this.history.of(tenantId, locale));
		model.addAttribute("unassigned", UnassignedTenants.isUnassigned(evaluation.tenantName()));
		model.addAttribute("all", all);
		model.addAttribute("dataAge", this.dataAges.ofGateway(evaluation.gatewayId()).orElse(null));
		// Issue 14: "request exception" behind each finding, for those who may request.
		model.addAttribute("exceptionTenantId",
				ExceptionService.mayRequest(Actor.require(), tenantId) ? tenantId : null);
		return "tenants/tenant";
	}

}
