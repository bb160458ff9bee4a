package ch.mspguard.checklist;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final ReferenceDataService service;

	private final MessageSource messages;

	ReferenceDataController(ReferenceData referenceData, ReferenceDataService service, MessageSource messages) {
		this.referenceData = referenceData;
		this.service = service;
		this.messages = messages;
	}

	@GetMapping("/reference-data")
	String show(Model model) {
		model.addAttribute("exchangeOnline", this.referenceData.exchangeOnline());
		return "rules/reference-data";
	}

	@PostMapping("/reference-data")
	@PreAuthorize("hasRole('OPERATOR')")
	String upload(@RequestParam(defaultValue = "") String version, @RequestParam("file") MultipartFile file,
			Locale locale, Model model, RedirectAttributes redirect) throws IOException {
		try {
			List<String> reevaluated = this.service.replaceExchangeOnline(version, file.getBytes(),
					file.getOriginalFilename());
			redirect.addFlashAttribute("replaced", true);
			redirect.addFlashAttribute("reevaluated", reevaluated);
			return "redirect:/reference-data";
		}
		catch (InvalidEndpointsException ex) {
			model.addAttribute("errors",
					ex.errors()
						.stream()
						.map((error) -> error.path() + " " + ValidationErrors.message(this.messages, error, locale))
						.toList());
			model.addAttribute("version", version);
			return show(model);
		}
	}

}
