package ch.mspguard.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Operators search the audit log.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class AuditPageController {

	private static final int PAGE_SIZE = 50;

	private final AuditQuery query;

	AuditPageController(AuditQuery query) {
		this.query = query;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String q, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		AuditQuery.Filter filter = new AuditQuery.Filter(q, action, date(from, "from", model), date(to, "to", model));
		// Clamped so that the offset cannot overflow (issue 18).
		int current = Math.min(Math.max(1, page), 1_000_000);
		long total = this.query.count(filter);
		model.addAttribute("entries", this.query.page(filter, PAGE_SIZE, (current - 1) * PAGE_SIZE));
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("actions", this.query.actions());
		model.addAttribute("q", q);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("query",
				UriComponentsBuilder.newInstance()
					.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter((v) -> !v.isBlank()))
					.queryParamIfPresent("action", java.util.Optional.ofNullable(action).filter((v) -> !v.isBlank()))
					.queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
					.queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
					.encode()
					.build()
					.toUriString());
		return "audit/list";
	}

	private static LocalDate date(String text, String field, Model model) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			// Years the database's timestamps cannot hold are as invalid as no date at
			// all.
			if (date.getYear() < 1 || date.getYear() > 9999) {
				model.addAttribute(field + "Invalid", true);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			model.addAttribute(field + "Invalid", true);
			return null;
		}
	}

}
