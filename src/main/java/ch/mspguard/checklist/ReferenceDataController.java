package ch.mspguard.checklist;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Exchange Online ranges the checklist uses, and the operators' upload of Microsoft's
 * endpoints document that replaces them.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class ReferenceDataController {

	private final ReferenceData referenceData;

	private final RangesPreviews previews;

	private final MessageSource messages;

	private final Clock clock = Clock.systemUTC();

	ReferenceDataController(ReferenceData referenceData, RangesPreviews previews, MessageSource messages) {
		this.referenceData = referenceData;
		this.previews = previews;
		this.messages = messages;
	}

	@GetMapping("/reference-data")
	String show(Model model) {
		model.addAttribute("exchangeOnline", this.referenceData.exchangeOnline());
		model.addAttribute("age", this.referenceData.exchangeOnlineAge(LocalDate.now(this.clock)));
		return "rules/reference-data";
	}

	/** An upload shows its preview first; nothing changes before the operator applies. */
	@PostMapping("/reference-data")
	@PreAuthorize("hasRole('OPERATOR')")
	String upload(@RequestParam(defaultValue = "") String version, @RequestParam("file") MultipartFile file,
			Locale locale, Model model) throws IOException {
		try {
			RangesPreview preview = this.previews.prepare(version, file.getBytes(), file.getOriginalFilename());
			return "redirect:/reference-data/preview/" + preview.id();
		}
		catch (InvalidEndpointsException ex) {
			model.addAttribute("errors", rendered(ex, locale));
			model.addAttribute("version", version);
			return show(model);
		}
	}

	@GetMapping("/reference-data/preview/{id}")
	@PreAuthorize("hasRole('OPERATOR')")
	String preview(@PathVariable String id, Model model) {
		model.addAttribute("preview", this.previews.find(id).orElseThrow(() -> new NotFoundException("preview")));
		model.addAttribute("exchangeOnline", this.referenceData.exchangeOnline());
		return "rules/reference-preview";
	}

	@PostMapping("/reference-data/preview/{id}/apply")
	@PreAuthorize("hasRole('OPERATOR')")
	String apply(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirmNoIpv6, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			List<String> reevaluated = this.previews.apply(id, confirmNoIpv6)
				.orElseThrow(() -> new NotFoundException("preview"));
			redirect.addFlashAttribute("replaced", true);
			redirect.addFlashAttribute("reevaluated", reevaluated);
			return "redirect:/reference-data";
		}
		catch (InvalidEndpointsException ex) {
			model.addAttribute("errors", rendered(ex, locale));
			return preview(id, model);
		}
	}

	@PostMapping("/reference-data/preview/{id}/discard")
	@PreAuthorize("hasRole('OPERATOR')")
	String discard(@PathVariable String id, RedirectAttributes redirect) {
		this.previews.discard(id);
		redirect.addFlashAttribute("refused", true);
		return "redirect:/reference-data";
	}

	private List<String> rendered(InvalidEndpointsException ex, Locale locale) {
		return ex.errors()
			.stream()
			.map((error) -> (error.path() + " " + ValidationErrors.message(this.messages, error, locale)).strip())
			.toList();
	}

}
