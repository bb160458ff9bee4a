package ch.mspguard.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.gateway.ConcurrentEditException;
import ch.mspguard.gateway.ConfigurationEditor;
import ch.mspguard.gateway.ConfigurationReader;
import ch.mspguard.gateway.ConfigurationReader.DomainDetails;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.HeaderChecks;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.TlsLevel;
import ch.mspguard.tenant.TenantAccess;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A managed domain: its stored configuration and findings for everyone who may see the
 * tenant; the edit form for operators.
 */
@Controller
class DomainPageController {

	private final ConfigurationReader configuration;

	private final ConfigurationEditor editor;

	private final EvaluationReader evaluations;

	private final FindingTexts texts;

	private final HeaderChecks headerChecks;

	DomainPageController(ConfigurationReader configuration, ConfigurationEditor editor, EvaluationReader evaluations,
			FindingTexts texts, HeaderChecks headerChecks) {
		this.configuration = configuration;
		this.editor = editor;
		this.evaluations = evaluations;
		this.texts = texts;
		this.headerChecks = headerChecks;
	}

	@GetMapping("/tenants/{tenantId}/domains/{domainId}")
	String show(@PathVariable UUID tenantId, @PathVariable UUID domainId, Locale locale, Model model) {
		DomainDetails domain = load(tenantId, domainId);
		model.addAttribute("form", DomainForm.of(domain.config(), domain.version()));
		return page(domain, locale, model);
	}

	@PostMapping("/tenants/{tenantId}/domains/{domainId}")
	@PreAuthorize("hasRole('OPERATOR')")
	String save(@PathVariable UUID tenantId, @PathVariable UUID domainId, @ModelAttribute("form") DomainForm form,
			BindingResult errors, Locale locale, Model model, RedirectAttributes redirect) {
		DomainDetails domain = load(tenantId, domainId);
		DomainConfig updated = form.toConfig(domain.config().name(), domain.config().headerCheck(), this.headerChecks,
				errors);
		if (updated == null) {
			return page(domain, locale, model);
		}
		try {
			this.editor.editDomain(tenantId, domainId, form.getVersion(), updated);
		}
		catch (ConcurrentEditException ex) {
			List<SnapshotDiff.FieldChange> conflict = SnapshotDiff.domainChanges((DomainConfig) ex.current(), updated);
			model.addAttribute("conflict", conflict);
			form.setVersion(ex.currentVersion());
			return page(load(tenantId, domainId), locale, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/tenants/" + tenantId + "/domains/" + domainId;
	}

	private DomainDetails load(UUID tenantId, UUID domainId) {
		TenantAccess.requireVisible(tenantId);
		return this.configuration.domain(tenantId, domainId)
			.orElseThrow(() -> new NotFoundException("domain " + domainId));
	}

	private String page(DomainDetails domain, Locale locale, Model model) {
		StoredEvaluation evaluation = this.evaluations.tenant(domain.tenantId())
			.orElseThrow(() -> new NotFoundException("tenant " + domain.tenantId()));
		List<RenderedFinding> findings = this.texts.render(evaluation.findings(), evaluation.details(), locale)
			.stream()
			.filter((finding) -> domain.id().equals(finding.domainId()))
			.toList();
		model.addAttribute("domain", domain);
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("findings", findings);
		model.addAttribute("tlsLevels", TlsLevel.values());
		return "tenants/domain";
	}

}
