package ch.mspguard.dashboard;

import ch.mspguard.gateway.GatewayDirectory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class TenantListController {

	private final GatewayDirectory directory;

	TenantListController(GatewayDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/tenants")
	String tenants(Model model) {
		model.addAttribute("tenants", this.directory.tenants());
		model.addAttribute("navSection", "tenants");
		return "tenants/list";
	}

}
