package ch.mspguard.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.StoredGatewayEvaluation;
import ch.mspguard.gateway.ConcurrentEditException;
import ch.mspguard.gateway.ConfigurationEditor;
import ch.mspguard.gateway.ConfigurationReader;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.InvalidEditException;
import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.StoredGatewayLoader.VersionedSettings;
import ch.mspguard.gateway.TenantConfig;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Gateways: the list, a gateway's settings and findings, and for operators the settings
 * form and the creation of tenants.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class GatewayPagesController {

	private final EvaluationReader evaluations;

	private final ConfigurationReader configuration;

	private final ConfigurationEditor editor;

	private final GatewayDirectory directory;

	private final FindingTexts texts;

	private final DataAges dataAges;

	GatewayPagesController(EvaluationReader evaluations, ConfigurationReader configuration, ConfigurationEditor editor,
			GatewayDirectory directory, FindingTexts texts, DataAges dataAges) {
		this.evaluations = evaluations;
		this.configuration = configuration;
		this.editor = editor;
		this.directory = directory;
		this.texts = texts;
		this.dataAges = dataAges;
	}

	@GetMapping("/gateways")
	String list(Model model) {
		model.addAttribute("gateways", this.evaluations.gateways());
		model.addAttribute("dataAges", this.dataAges.byGatewayId());
		return "gateways/list";
	}

	@GetMapping("/gateways/{gatewayId}")
	String show(@PathVariable UUID gatewayId, Locale locale, Model model) {
		VersionedSettings settings = load(gatewayId);
		model.addAttribute("form", GatewayForm.of(settings.settings(), settings.version()));
		return page(gatewayId, settings, locale, model);
	}

	@PostMapping("/gateways/{gatewayId}")
	@PreAuthorize("hasRole('OPERATOR')")
	String save(@PathVariable UUID gatewayId, @ModelAttribute("form") GatewayForm form, BindingResult errors,
			Locale locale, Model model, RedirectAttributes redirect) {
		VersionedSettings settings = load(gatewayId);
		GatewaySettings updated = form.toSettings(settings.settings().name(), errors);
		if (errors.hasErrors()) {
			return page(gatewayId, settings, locale, model);
		}
		try {
			this.editor.editGateway(gatewayId, form.getVersion(), updated);
		}
		catch (ConcurrentEditException ex) {
			model.addAttribute("conflict", true);
			form.setVersion(ex.currentVersion());
			return page(gatewayId, load(gatewayId), locale, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/gateways/" + gatewayId;
	}

	@PostMapping("/gateways/{gatewayId}/tenants")
	@PreAuthorize("hasRole('OPERATOR')")
	String createTenant(@PathVariable UUID gatewayId, @RequestParam String name,
			@RequestParam(defaultValue = "") String displayName, Locale locale, Model model,
			RedirectAttributes redirect) {
		VersionedSettings settings = load(gatewayId);
		NameForm target = new NameForm(name);
		BindingResult errors = new BeanPropertyBindingResult(target, "newTenant");
		try {
			this.editor.createTenant(gatewayId, new TenantConfig(Names.tenant(name.strip()),
					TenantForm.text("name", displayName, 200, errors), null, null, null, List.of()));
		}
		catch (InvalidValueException ex) {
			FormErrors.reject(errors, "name", ex);
		}
		catch (InvalidEditException ex) {
			ex.errors().forEach((error) -> FormErrors.reject(errors, "name", error));
		}
		if (errors.hasErrors()) {
			model.addAttribute("form", GatewayForm.of(settings.settings(), settings.version()));
			model.addAttribute("newTenant", target);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "newTenant", errors);
			return page(gatewayId, settings, locale, model);
		}
		redirect.addFlashAttribute("tenantAdded", name.strip());
		return "redirect:/gateways/" + gatewayId;
	}

	private VersionedSettings load(UUID gatewayId) {
		return this.configuration.gateway(gatewayId).orElseThrow(() -> new NotFoundException("gateway " + gatewayId));
	}

	private String page(UUID gatewayId, VersionedSettings settings, Locale locale, Model model) {
		StoredGatewayEvaluation evaluation = this.evaluations.gateway(gatewayId)
			.orElseThrow(() -> new NotFoundException("gateway " + gatewayId));
		model.addAttribute("gateway", evaluation);
		model.addAttribute("dataAge", this.dataAges.ofGateway(gatewayId).orElse(null));
		model.addAttribute("settings", settings.settings());
		model.addAttribute("findings", this.texts.render(evaluation.findings(), evaluation.details(), locale));
		model.addAttribute("tenants", this.directory.tenantsOf(gatewayId));
		if (!model.containsAttribute("newTenant")) {
			model.addAttribute("newTenant", new NameForm(""));
		}
		model.addAttribute("hostings", Hosting.values());
		return "gateways/gateway";
	}

}
