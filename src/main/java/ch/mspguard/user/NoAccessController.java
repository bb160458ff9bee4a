package ch.mspguard.user;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Where a refused single sign-on ends: why, in the reader's language. */
@Controller
class NoAccessController {

	@GetMapping("/login/no-access")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String noAccess(@RequestParam(defaultValue = "provider") String reason, Model model) {
		model.addAttribute("reason", SsoLogin.DENIALS.contains(reason) ? reason : "provider");
		return "auth/no-access";
	}

}
