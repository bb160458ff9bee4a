package ch.mspguard.system;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.mspguard.tenant.Actor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every page: links that switch the language on the current
 * page, and the user's role.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (var locale : WebConfiguration.SUPPORTED) {
			links.put(locale.getLanguage(),
					UriComponentsBuilder.fromPath(request.getRequestURI())
						.query(request.getQueryString())
						.replaceQueryParam("lang", locale.getLanguage())
						.build()
						.toUriString());
		}
		return links;
	}

	@ModelAttribute("currentRole")
	String currentRole() {
		return Actor.current().map((actor) -> actor.role().name()).orElse(null);
	}

}
