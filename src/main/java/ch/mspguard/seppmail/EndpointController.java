package ch.mspguard.seppmail;

import java.util.Locale;
import java.util.UUID;

import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.imports.ErrorList;
import ch.mspguard.imports.ImportPreview;

import org.springframework.context.MessageSource;
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
 * The appliances of the gateways: endpoint settings per gateway and "Pull now".
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class EndpointController {

	private final EndpointStore endpoints;

	private final SeppmailPuller puller;

	private final MessageSource messages;

	EndpointController(EndpointStore endpoints, SeppmailPuller puller, MessageSource messages) {
		this.endpoints = endpoints;
		this.puller = puller;
		this.messages = messages;
	}

	@GetMapping("/import/seppmail")
	String list(Model model) {
		model.addAttribute("endpoints", this.endpoints.all());
		return "seppmail/endpoints";
	}

	@GetMapping("/import/seppmail/{gatewayId}")
	String edit(@PathVariable UUID gatewayId, Model model) {
		Endpoint endpoint = load(gatewayId);
		model.addAttribute("form", EndpointForm.of(endpoint));
		return page(endpoint, model);
	}

	@PostMapping("/import/seppmail/{gatewayId}")
	String save(@PathVariable UUID gatewayId, @ModelAttribute("form") EndpointForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Endpoint endpoint = load(gatewayId);
		EndpointSettings settings = form.toSettings(endpoint.isConfigured(), errors);
		if (settings == null) {
			return page(endpoint, model);
		}
		this.endpoints.save(gatewayId, settings);
		redirect.addFlashAttribute("saved", endpoint.gatewayName());
		return "redirect:/import/seppmail";
	}

	@PostMapping("/import/seppmail/{gatewayId}/delete")
	String delete(@PathVariable UUID gatewayId, RedirectAttributes redirect) {
		Endpoint endpoint = load(gatewayId);
		this.endpoints.delete(gatewayId);
		redirect.addFlashAttribute("removed", endpoint.gatewayName());
		return "redirect:/import/seppmail";
	}

	@PostMapping("/import/seppmail/{gatewayId}/pull")
	String pull(@PathVariable UUID gatewayId, Locale locale, RedirectAttributes redirect) {
		Endpoint endpoint = load(gatewayId);
		try {
			ImportPreview preview = this.puller.pullForPreview(gatewayId);
			return "redirect:/import/preview/" + preview.id();
		}
		catch (PullFailedException ex) {
			redirect.addFlashAttribute("pullError",
					this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		catch (SnapshotInvalidException ex) {
			redirect.addFlashAttribute("pullErrors", ErrorList.of(ex.errors(), this.messages, locale));
		}
		redirect.addFlashAttribute("pullGateway", endpoint.gatewayName());
		return "redirect:/import/seppmail";
	}

	private Endpoint load(UUID gatewayId) {
		return this.endpoints.find(gatewayId).orElseThrow(() -> new NotFoundException("gateway " + gatewayId));
	}

	private String page(Endpoint endpoint, Model model) {
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("schedules", Schedule.values());
		return "seppmail/endpoint";
	}

}
