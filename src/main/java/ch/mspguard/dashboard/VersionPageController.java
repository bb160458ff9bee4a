package ch.mspguard.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.gateway.ConfigurationVersions;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.SnapshotDiff;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A gateway's configuration versions, and the field-by-field comparison of any two, for
 * operators and auditors.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class VersionPageController {

	/**
	 * The comparison shows this many changed tenants and domains; the API has them all.
	 */
	static final int SHOWN = 500;

	private final ConfigurationVersions versions;

	private final GatewayDirectory gateways;

	VersionPageController(ConfigurationVersions versions, GatewayDirectory gateways) {
		this.versions = versions;
		this.gateways = gateways;
	}

	@GetMapping("/gateways/{gatewayId}/versions")
	String versions(@PathVariable UUID gatewayId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		GatewayDirectory.GatewayRef gateway = this.gateways.gateway(gatewayId)
			.orElseThrow(() -> new NotFoundException("gateway " + gatewayId));
		List<ConfigurationVersions.Version> list = this.versions.list(gatewayId);
		model.addAttribute("gateway", gateway);
		model.addAttribute("versions", list);
		Integer fromVersion = number(from);
		Integer toVersion = number(to);
		if (fromVersion == null && toVersion == null && list.size() >= 2) {
			fromVersion = list.get(1).version();
			toVersion = list.get(0).version();
		}
		model.addAttribute("from", fromVersion);
		model.addAttribute("to", toVersion);
		if (from != null && fromVersion == null) {
			model.addAttribute("fromError", from);
		}
		if (to != null && toVersion == null) {
			model.addAttribute("toError", to);
		}
		if (fromVersion != null && toVersion != null) {
			Optional<SnapshotDiff> diff = this.versions.diff(gatewayId, fromVersion, toVersion);
			diff.ifPresent((d) -> {
				model.addAttribute("diff", d);
				model.addAttribute("changedTenants", d.changedTenants().stream().limit(SHOWN).toList());
				model.addAttribute("changedDomains", d.changedDomains().stream().limit(SHOWN).toList());
				model.addAttribute("moreDomains", Math.max(0, d.changedDomains().size() - SHOWN));
			});
			if (diff.isEmpty()) {
				int wanted = fromVersion;
				boolean fromExists = list.stream().anyMatch((v) -> v.version() == wanted);
				model.addAttribute("missing", fromExists ? toVersion : fromVersion);
			}
		}
		return "gateways/versions";
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			return (number >= 1) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
