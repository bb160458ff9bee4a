package ch.mspguard.imports;

import java.util.Locale;

import ch.mspguard.gateway.GatewayChangedException;
import ch.mspguard.gateway.ImportResult;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pending import: what it would change, then apply or discard.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class PreviewController {

	private final ImportPreviews previews;

	private final MessageSource messages;

	PreviewController(ImportPreviews previews, MessageSource messages) {
		this.previews = previews;
		this.messages = messages;
	}

	@GetMapping("/import/preview/{id}")
	String show(@PathVariable String id, Locale locale, Model model) {
		ImportPreview preview = this.previews.find(id).orElseThrow(PreviewNotFoundException::new);
		model.addAttribute("view", new PreviewView(preview));
		model.addAttribute("warnings", ErrorList.of(preview.warnings(), this.messages, locale));
		return "imports/preview";
	}

	@PostMapping("/import/preview/{id}/apply")
	String apply(@PathVariable String id, RedirectAttributes redirect) {
		try {
			ImportResult result = this.previews.apply(id);
			redirect.addFlashAttribute("applied", result.gatewayName());
			return "redirect:/import/history";
		}
		catch (GatewayChangedException ex) {
			redirect.addFlashAttribute("outdated", ex.gatewayName());
			return "redirect:/import";
		}
	}

	@PostMapping("/import/preview/{id}/discard")
	String discard(@PathVariable String id, RedirectAttributes redirect) {
		this.previews.discard(id);
		redirect.addFlashAttribute("discarded", true);
		return "redirect:/import";
	}

}
