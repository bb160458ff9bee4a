package ch.mspguard.user;

import java.util.Map;
import java.util.UUID;

import java.util.stream.Collectors;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators manage user accounts: list, create, enable and disable.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class UsersPageController {

	private final UserService users;

	private final GatewayDirectory directory;

	private final SecondFactorService secondFactor;

	UsersPageController(UserService users, GatewayDirectory directory, SecondFactorService secondFactor) {
		this.users = users;
		this.directory = directory;
		this.secondFactor = secondFactor;
	}

	@PostMapping("/users/second-factor-required")
	String requireSecondFactor(@RequestParam boolean required) {
		this.secondFactor.setRequiredForEveryone(required, Actor.require().name());
		return "redirect:/users";
	}

	@PostMapping("/users/{userId}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID userId, RedirectAttributes redirect) {
		this.users.list()
			.stream()
			.filter((user) -> user.id().equals(userId))
			.findFirst()
			.ifPresent((user) -> this.secondFactor.reset(user.username()));
		redirect.addFlashAttribute("secondFactorReset", true);
		return "redirect:/users";
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("form", new UserForm());
		return page(model);
	}

	@PostMapping("/users")
	String create(@ModelAttribute("form") UserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		try {
			this.users.create(form.toNewUser());
		}
		catch (InvalidUserException ex) {
			for (ValidationError error : ex.errors()) {
				errors.rejectValue(error.path().substring(1), error.messageKey(), error.args().toArray(), error.code());
			}
			form.setPassword("");
			return page(model);
		}
		redirect.addFlashAttribute("created", form.getUsername());
		return "redirect:/users";
	}

	@PostMapping("/users/{userId}/enabled")
	String setEnabled(@PathVariable UUID userId, @RequestParam boolean enabled, RedirectAttributes redirect) {
		if (!enabled && this.users.list()
			.stream()
			.anyMatch((user) -> user.id().equals(userId) && user.username().equals(Actor.require().name()))) {
			redirect.addFlashAttribute("selfDisable", true);
			return "redirect:/users";
		}
		this.users.setEnabled(userId, enabled);
		return "redirect:/users";
	}

	private String page(Model model) {
		Map<UUID, String> tenantNames = this.directory.tenants()
			.stream()
			.collect(Collectors.toMap(GatewayDirectory.TenantRef::id,
					(tenant) -> tenant.name() + " (" + tenant.gatewayName() + ")"));
		model.addAttribute("users", this.users.list());
		model.addAttribute("tenantNames", tenantNames);
		model.addAttribute("tenants", this.directory.tenants());
		model.addAttribute("roles", new Role[] { Role.OPERATOR, Role.AUDITOR, Role.TENANT_ADMIN });
		model.addAttribute("secondFactorRequired", this.secondFactor.isRequiredForEveryone());
		return "users/list";
	}

}
