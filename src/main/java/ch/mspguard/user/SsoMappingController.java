package ch.mspguard.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mapping table of single sign-on, for operators: which claim value grants which role
 * (and tenant). Changes take effect at each user's next sign-in.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class SsoMappingController {

	private static final Set<String> ROLES = Set.of("OPERATOR", "AUDITOR", "TENANT_ADMIN");

	private final SsoMappingRepository mappings;

	private final GatewayDirectory directory;

	private final AuditLog audit;

	private final SsoProperties properties;

	SsoMappingController(SsoMappingRepository mappings, GatewayDirectory directory, AuditLog audit,
			SsoProperties properties) {
		this.mappings = mappings;
		this.directory = directory;
		this.audit = audit;
		this.properties = properties;
	}

	@GetMapping("/users/sso-mappings")
	@Transactional(readOnly = true)
	String list(Model model) {
		return page(model, List.of());
	}

	@PostMapping("/users/sso-mappings")
	@Transactional
	String add(@RequestParam(defaultValue = "") String claimValue, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String tenantId, Model model, RedirectAttributes redirect) {
		List<String> errors = new ArrayList<>();
		String value = claimValue.strip();
		if (value.isEmpty() || value.length() > 200) {
			errors.add("sso.mapping.error.value");
		}
		else if (this.mappings.existsByClaimValue(value)) {
			errors.add("sso.mapping.error.taken");
		}
		UUID tenant = tenant(role, tenantId, errors);
		if (!ROLES.contains(role)) {
			errors.add("sso.mapping.error.role");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("claimValue", claimValue);
			return page(model, errors);
		}
		this.mappings.save(new SsoMapping(value, Role.valueOf(role), tenant, Actor.require().name()));
		this.audit.record(AuditAction.SSO_MAPPING_ADDED, value,
				Map.of("role", role, "tenantId", String.valueOf(tenant)));
		redirect.addFlashAttribute("added", value);
		return "redirect:/users/sso-mappings";
	}

	@PostMapping("/users/sso-mappings/{mappingId}/delete")
	@Transactional
	String delete(@PathVariable UUID mappingId) {
		this.mappings.findById(mappingId).ifPresent((mapping) -> {
			this.mappings.delete(mapping);
			this.audit.record(AuditAction.SSO_MAPPING_REMOVED, mapping.getClaimValue(),
					Map.of("role", mapping.getRole().name(), "tenantId", String.valueOf(mapping.getTenantId())));
		});
		return "redirect:/users/sso-mappings";
	}

	private UUID tenant(String role, String tenantId, List<String> errors) {
		boolean tenantAdmin = role.equals("TENANT_ADMIN");
		if (tenantId.isBlank()) {
			if (tenantAdmin) {
				errors.add("sso.mapping.error.tenantRequired");
			}
			return null;
		}
		if (!tenantAdmin) {
			errors.add("sso.mapping.error.tenantNotAllowed");
			return null;
		}
		boolean known = this.directory.tenants().stream().anyMatch((t) -> t.id().toString().equals(tenantId));
		if (!known) {
			errors.add("sso.mapping.error.tenantUnknown");
			return null;
		}
		return UUID.fromString(tenantId);
	}

	private String page(Model model, List<String> errors) {
		Map<UUID, String> tenantNames = this.directory.tenants()
			.stream()
			.collect(Collectors.toMap(GatewayDirectory.TenantRef::id,
					(tenant) -> tenant.name() + " (" + tenant.gatewayName() + ")"));
		model.addAttribute("mappings",
				this.mappings.findAllByOrderByClaimValue()
					.stream()
					.map((m) -> new SsoMappingView(m.getId(), m.getClaimValue(), m.getRole(),
							(m.getTenantId() != null)
									? tenantNames.getOrDefault(m.getTenantId(), m.getTenantId().toString()) : null))
					.toList());
		model.addAttribute("tenants", this.directory.tenants());
		model.addAttribute("roles", new Role[] { Role.OPERATOR, Role.AUDITOR, Role.TENANT_ADMIN });
		model.addAttribute("roleClaim", this.properties.roleClaim());
		model.addAttribute("errors", errors);
		return "users/sso-mappings";
	}

}
