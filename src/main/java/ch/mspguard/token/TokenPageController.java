package ch.mspguard.token;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.ValidationError;

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
 * API tokens in the browser, for operators: the list with last use and state (revoked
 * tokens stay listed), a form to create one, whose secret the answer shows this once and
 * nothing ever shows again, and revocation after a confirmation.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class TokenPageController {

	private final ApiTokenService tokens;

	private final GatewayDirectory directory;

	private final Clock clock = Clock.systemUTC();

	TokenPageController(ApiTokenService tokens, GatewayDirectory directory) {
		this.tokens = tokens;
		this.directory = directory;
	}

	@GetMapping("/users/tokens")
	String list(Model model) {
		model.addAttribute("form", TokenForm.suggested(LocalDate.now(this.clock)));
		return page(model);
	}

	/**
	 * The answer to a creation is the page with the secret, not a redirect: the secret is
	 * kept nowhere (no session, no flash attribute) from which a second page could show
	 * it again.
	 */
	@PostMapping("/users/tokens")
	String create(@ModelAttribute("form") TokenForm form, BindingResult errors, Model model) {
		CreatedToken created;
		try {
			created = this.tokens.create(form.toNewToken());
		}
		catch (InvalidTokenRequestException ex) {
			for (ValidationError error : ex.errors()) {
				errors.rejectValue(field(error), error.messageKey(), error.args().toArray(), error.code());
			}
			return page(model);
		}
		model.addAttribute("created", created);
		model.addAttribute("tenantNames", tenantNames());
		return "users/token-created";
	}

	@GetMapping("/users/tokens/{tokenId}/revoke")
	String confirmRevoke(@PathVariable UUID tokenId, Model model) {
		model.addAttribute("token", this.tokens.find(tokenId));
		return "users/token-revoke";
	}

	@PostMapping("/users/tokens/{tokenId}/revoke")
	String revoke(@PathVariable UUID tokenId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("revoked", this.tokens.revoke(tokenId).name());
		return "redirect:/users/tokens";
	}

	/** The form field of an error's JSON pointer ({@code /scopes/2} is the scopes). */
	private static String field(ValidationError error) {
		String path = error.path().substring(1);
		int slash = path.indexOf('/');
		return (slash < 0) ? path : path.substring(0, slash);
	}

	private String page(Model model) {
		model.addAttribute("tokens", this.tokens.list());
		model.addAttribute("tenantNames", tenantNames());
		model.addAttribute("tenants", this.directory.tenants());
		model.addAttribute("scopes", Arrays.stream(TokenScope.values()).map(TokenScope::text).toList());
		return "users/tokens";
	}

	private Map<UUID, String> tenantNames() {
		return this.directory.tenants()
			.stream()
			.collect(Collectors.toMap(GatewayDirectory.TenantRef::id,
					(tenant) -> tenant.name() + " (" + tenant.gatewayName() + ")"));
	}

}
