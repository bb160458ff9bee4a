package ch.mspguard.dashboard;

import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.ConcurrentEditException;
import ch.mspguard.gateway.ConfigurationEditor;
import ch.mspguard.gateway.ConfigurationReader;
import ch.mspguard.gateway.ConfigurationReader.TenantDetails;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.InvalidEditException;
import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.TenantAttestation;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.TenantMembers;

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
 * Operators' tenant settings: the tenant's fields, its domains (add, delete) and deleting
 * the tenant itself, each delete after a confirmation that names what goes with it.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class TenantSettingsController {

	private final ConfigurationReader configuration;

	private final ConfigurationEditor editor;

	private final TenantMembers members;

	TenantSettingsController(ConfigurationReader configuration, ConfigurationEditor editor, TenantMembers members) {
		this.configuration = configuration;
		this.editor = editor;
		this.members = members;
	}

	@GetMapping("/tenants/{tenantId}/settings")
	String show(@PathVariable UUID tenantId, Model model) {
		TenantDetails tenant = load(tenantId);
		model.addAttribute("form", TenantForm.of(tenant.config(), tenant.attestation(), tenant.version()));
		return page(tenant, model);
	}

	@PostMapping("/tenants/{tenantId}/settings")
	String save(@PathVariable UUID tenantId, @ModelAttribute("form") TenantForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		TenantDetails tenant = load(tenantId);
		TenantConfig config = form.toConfig(tenant.config().name(), errors);
		TenantAttestation attestation = form.toAttestation(errors);
		if (errors.hasErrors()) {
			return page(tenant, model);
		}
		try {
			this.editor.editTenant(tenantId, form.getVersion(), config, attestation);
		}
		catch (ConcurrentEditException ex) {
			model.addAttribute("conflict", true);
			form.setVersion(ex.currentVersion());
			return page(load(tenantId), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/tenants/" + tenantId + "/settings";
	}

	@PostMapping("/tenants/{tenantId}/domains")
	String addDomain(@PathVariable UUID tenantId, @RequestParam String name, Model model, RedirectAttributes redirect) {
		TenantDetails tenant = load(tenantId);
		BindingResult errors = new BeanPropertyBindingResult(new NameForm(name), "newDomain");
		try {
			this.editor.createDomain(tenantId,
					new DomainConfig(Names.domain(name.strip()), null, null, List.of(), List.of(), null, null));
		}
		catch (InvalidValueException ex) {
			FormErrors.reject(errors, "name", ex);
		}
		catch (InvalidEditException ex) {
			ex.errors().forEach((error) -> FormErrors.reject(errors, "name", error));
		}
		if (errors.hasErrors()) {
			model.addAttribute("form", TenantForm.of(tenant.config(), tenant.attestation(), tenant.version()));
			model.addAttribute("newDomain", errors.getTarget());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "newDomain", errors);
			return page(tenant, model);
		}
		redirect.addFlashAttribute("domainAdded", name.strip());
		return "redirect:/tenants/" + tenantId + "/settings";
	}

	@GetMapping("/tenants/{tenantId}/domains/{domainId}/delete")
	String confirmDomainDelete(@PathVariable UUID tenantId, @PathVariable UUID domainId, Model model) {
		TenantDetails tenant = load(tenantId);
		model.addAttribute("tenant", tenant);
		model.addAttribute("domain",
				tenant.domains()
					.stream()
					.filter((domain) -> domain.id().equals(domainId))
					.findFirst()
					.orElseThrow(() -> new NotFoundException("domain " + domainId)));
		return "tenants/delete-domain";
	}

	@PostMapping("/tenants/{tenantId}/domains/{domainId}/delete")
	String deleteDomain(@PathVariable UUID tenantId, @PathVariable UUID domainId, RedirectAttributes redirect) {
		load(tenantId);
		this.editor.deleteDomain(tenantId, domainId);
		redirect.addFlashAttribute("domainDeleted", true);
		return "redirect:/tenants/" + tenantId + "/settings";
	}

	@GetMapping("/tenants/{tenantId}/delete")
	String confirmTenantDelete(@PathVariable UUID tenantId, Model model) {
		TenantDetails tenant = load(tenantId);
		model.addAttribute("tenant", tenant);
		model.addAttribute("users", this.members.usernamesOf(List.of(tenantId)));
		return "tenants/delete-tenant";
	}

	@PostMapping("/tenants/{tenantId}/delete")
	String deleteTenant(@PathVariable UUID tenantId, RedirectAttributes redirect) {
		TenantDetails tenant = load(tenantId);
		this.editor.deleteTenant(tenantId);
		redirect.addFlashAttribute("tenantDeleted", tenant.config().name());
		return "redirect:/gateways/" + tenant.gatewayId();
	}

	private TenantDetails load(UUID tenantId) {
		return this.configuration.tenant(tenantId).orElseThrow(() -> new NotFoundException("tenant " + tenantId));
	}

	private String page(TenantDetails tenant, Model model) {
		model.addAttribute("tenant", tenant);
		if (!model.containsAttribute("newDomain")) {
			model.addAttribute("newDomain", new NameForm(""));
		}
		model.addAttribute("tlsChoices", MailServerTls.values());
		return "tenants/settings";
	}

}
