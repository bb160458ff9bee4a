package ch.mspguard.exceptions;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.Rule;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.gateway.ValidationErrors;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exception pages: the list with its filters and the decisions (operators), and the
 * "request exception" form behind each finding of the tenant page (tenant admins and
 * operators). The same service and rules as the API.
 */
@Controller
class ExceptionPagesController {

	private final ExceptionService exceptions;

	private final MessageSource messages;

	private final EvaluationReader evaluations;

	ExceptionPagesController(ExceptionService exceptions, MessageSource messages, EvaluationReader evaluations) {
		this.exceptions = exceptions;
		this.messages = messages;
		this.evaluations = evaluations;
	}

	@GetMapping("/exceptions")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String rule, Locale locale, Model model) {
		ExceptionFilter filter;
		try {
			filter = ExceptionApiController.filter(state, tenant, rule);
		}
		catch (InvalidExceptionRequestException ex) {
			model.addAttribute("filterError", message(ex.errors().get(0), locale));
			filter = ExceptionFilter.ALL;
		}
		List<FindingException> all = this.exceptions.list(ExceptionFilter.ALL);
		Map<UUID, String> tenants = new LinkedHashMap<>();
		all.stream()
			.sorted(Comparator.comparing(FindingException::tenantName))
			.forEach((x) -> tenants.putIfAbsent(x.tenantId(), x.tenantName()));
		model.addAttribute("exceptions", this.exceptions.list(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("stateWord",
				(filter.expiring()) ? ExceptionFilter.EXPIRING : (filter.state() != null) ? filter.state().name() : "");
		model.addAttribute("states", List.of("REQUESTED", "ACTIVE", ExceptionFilter.EXPIRING, "NEEDS_REVIEW", "EXPIRED",
				"REVOKED", "REJECTED"));
		model.addAttribute("tenants", tenants);
		model.addAttribute("ruleIds", Catalogue.rules().stream().map(Rule::id).toList());
		model.addAttribute("mayDecide", ExceptionService.mayDecide(Actor.require()));
		model.addAttribute("counts", this.exceptions.counts());
		return "exceptions/list";
	}

	@GetMapping("/exceptions/new/{tenantId}")
	String form(@PathVariable UUID tenantId, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String domain, Model model) {
		requireMayRequest(tenantId);
		ExceptionForm form = new ExceptionForm();
		form.setRuleId(rule);
		form.setDomain(domain);
		form.setExpiresOn(this.exceptions.today().plusMonths(3).toString());
		model.addAttribute("form", form);
		return form(tenantId, model);
	}

	@PostMapping("/exceptions/new/{tenantId}")
	String request(@PathVariable UUID tenantId, @ModelAttribute("form") ExceptionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireMayRequest(tenantId);
		try {
			FindingException created = this.exceptions.request(form.toRequest(tenantId.toString()));
			redirect.addFlashAttribute("requested", created.subject());
			return "redirect:/tenants/" + tenantId;
		}
		catch (InvalidExceptionRequestException ex) {
			for (ValidationError error : ex.errors()) {
				String field = error.path().startsWith("/") ? error.path().substring(1) : "";
				if (List.of("ruleId", "domain", "category", "reason", "compensatingControl", "expiresOn")
					.contains(field)) {
					result.rejectValue(field, error.messageKey(), error.args().toArray(), error.code());
				}
				else {
					result.reject(error.messageKey(), error.args().toArray(), error.code());
				}
			}
			return form(tenantId, model);
		}
	}

	private String form(UUID tenantId, Model model) {
		model.addAttribute("tenantId", tenantId);
		model.addAttribute("categories", ExceptionCategory.values());
		model.addAttribute("today", this.exceptions.today());
		model.addAttribute("latest", this.exceptions.today().plusMonths(this.exceptions.maxMonths()));
		return "exceptions/new";
	}

	@PostMapping("/exceptions/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String comment, Locale locale,
			RedirectAttributes redirect) {
		return decide(id, "approve", comment, locale, redirect);
	}

	@PostMapping("/exceptions/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String comment, Locale locale,
			RedirectAttributes redirect) {
		return decide(id, "reject", comment, locale, redirect);
	}

	@PostMapping("/exceptions/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(required = false) String comment, Locale locale,
			RedirectAttributes redirect) {
		return decide(id, "revoke", comment, locale, redirect);
	}

	private String decide(UUID id, String decision, String comment, Locale locale, RedirectAttributes redirect) {
		if (!ExceptionService.mayDecide(Actor.require())) {
			throw new AccessDeniedException("Only operators decide on exceptions");
		}
		try {
			FindingException changed = switch (decision) {
				case "approve" -> this.exceptions.approve(id, comment);
				case "reject" -> this.exceptions.reject(id, comment);
				default -> this.exceptions.revoke(id, comment);
			};
			redirect.addFlashAttribute("decided", changed.state().name());
			redirect.addFlashAttribute("decidedSubject", changed.subject());
		}
		catch (InvalidExceptionRequestException ex) {
			redirect.addFlashAttribute("decisionError", message(ex.errors().get(0), locale));
		}
		catch (ExceptionRefusedException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("decisionError", message(ex.errors().get(0), locale));
		}
		return "redirect:/exceptions";
	}

	private void requireMayRequest(UUID tenantId) {
		TenantAccess.requireVisible(tenantId);
		if (!ExceptionService.mayRequest(Actor.require(), tenantId)) {
			throw new AccessDeniedException("May not request exceptions");
		}
		if (this.evaluations.tenant(tenantId).isEmpty()) {
			throw new TenantNotFoundException(tenantId);
		}
	}

	private String message(ValidationError error, Locale locale) {
		return ValidationErrors.message(this.messages, error, locale);
	}

}
