package ch.mspguard.imports;

import ch.mspguard.gateway.GatewayChangedException;
import ch.mspguard.gateway.ImportResult;

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

	PreviewController(ImportPreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/import/preview/{id}")
	String show(@PathVariable String id, Model model) {
		ImportPreview preview = this.previews.find(id).orElseThrow(PreviewNotFoundException::new);
		model.addAttribute("view", new PreviewView(preview));
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
