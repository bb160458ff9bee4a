package ch.mspguard.seppmail;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.imports.ErrorList;
import ch.mspguard.imports.ImportPreview;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload of the two JSON responses of an appliance, as saved with curl or SEPPmail's
 * PowerShell module, for a gateway.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class SeppmailUploadController {

	private final SeppmailImports imports;

	private final MessageSource messages;

	SeppmailUploadController(SeppmailImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping("/import/seppmail/upload")
	String upload(@RequestParam String gateway, @RequestParam MultipartFile customers,
			@RequestParam MultipartFile domains, @RequestParam(required = false) String customer, Locale locale,
			RedirectAttributes redirect) throws IOException {
		try {
			String name = Names.gateway(gateway.strip());
			ImportPreview preview = this.imports.preview(name, customers.getBytes(), domains.getBytes(), customer,
					SeppmailImports.UPLOAD, customers.getOriginalFilename() + ", " + domains.getOriginalFilename());
			return "redirect:/import/preview/" + preview.id();
		}
		catch (InvalidValueException ex) {
			return rejected(List.of(ValidationError.of("", ex.code(), ex.arguments())), gateway, locale, redirect);
		}
		catch (SnapshotInvalidException ex) {
			return rejected(ex.errors(), gateway, locale, redirect);
		}
	}

	private String rejected(List<ValidationError> errors, String gateway, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("seppmailErrors", ErrorList.of(errors, this.messages, locale));
		redirect.addFlashAttribute("seppmailGateway", gateway);
		return "redirect:/import";
	}

}
