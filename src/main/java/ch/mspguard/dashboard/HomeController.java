package ch.mspguard.dashboard;

import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends everyone to their starting page: tenant admins to their tenant, everyone else to
 * the overview of all tenants.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		Actor actor = Actor.require();
		if (actor.role() == Role.TENANT_ADMIN) {
			return "redirect:/tenants/" + actor.tenantId();
		}
		return "redirect:/tenants";
	}

	@GetMapping("/login")
	String login() {
		return "auth/login";
	}

}
