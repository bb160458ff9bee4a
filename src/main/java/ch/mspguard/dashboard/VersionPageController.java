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
	 * The comparison shows this many changed tenants and domains; the API has them all. A
	 * year of versions of a large gateway differs in thousands of domains, and a page of
	 * thousands of rows is neither fast nor readable.
	 */
	static final int SHOWN = 200;

	/** Versions listed per page, newest first. */
	static final int VERSIONS_PER_PAGE = 50;

	private final ConfigurationVersions versions;

	private final GatewayDirectory gateways;

	VersionPageController(ConfigurationVersions versions, GatewayDirectory gateways) {
		this.versions = versions;
		this.gateways = gateways;
	}

	@GetMapping("/gateways/{gatewayId}/versions")
	String versions(@PathVariable UUID gatewayId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model) {
		GatewayDirectory.GatewayRef gateway = this.gateways.gateway(gatewayId)
			.orElseThrow(() -> new NotFoundException("gateway " + gatewayId));
		List<ConfigurationVersions.Version> list = this.versions.list(gatewayId);
		model.addAttribute("gateway", gateway);
		model.addAttribute("versions", list);
		listPage(list, page, model);
		Integer fromVersion = number(from);
		Integer toVersion = number(to);
		if (fromVersion == null && toVersion == null && list.size() >= 2) {
			fromVersion = list.get(1).version();
			toVersion = list.get(0).version();
		}
		model.addAttribute("from", fromVersion);
		model.addAttribute("to", toVersion);
		// the list's pages keep the comparison shown above them
		model.addAttribute("pageBase", "/gateways/" + gatewayId + "/versions?"
				+ ((fromVersion != null && toVersion != null) ? "from=" + fromVersion + "&to=" + toVersion + "&" : "")
				+ "page=");
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

	/**
	 * One page of the list; a page that does not exist shows the first with a message.
	 */
	private static void listPage(List<ConfigurationVersions.Version> list, String page, Model model) {
		int pages = Math.max(1, (list.size() + VERSIONS_PER_PAGE - 1) / VERSIONS_PER_PAGE);
		Integer wanted = number(page);
		if (page != null && (wanted == null || wanted > pages)) {
			model.addAttribute("pageError", page);
			wanted = null;
		}
		int shown = (wanted != null) ? wanted : 1;
		int first = (shown - 1) * VERSIONS_PER_PAGE;
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("shownVersions", list.subList(first, Math.min(list.size(), first + VERSIONS_PER_PAGE)));
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
