package ch.mspguard.user;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Entering the code at login, and enrolling a second factor (QR code, confirmation,
 * recovery codes shown once).
 */
@Controller
class SecondFactorController {

	private static final String PENDING_SECRET = SecondFactorController.class.getName() + ".secret";

	private final SecondFactorService secondFactor;

	private final SecondFactorLogin login;

	private final LoginThrottle throttle;

	SecondFactorController(SecondFactorService secondFactor, SecondFactorLogin login, LoginThrottle throttle) {
		this.secondFactor = secondFactor;
		this.login = login;
		this.throttle = throttle;
	}

	@GetMapping("/login/second-factor")
	String codeForm() {
		return "auth/second-factor";
	}

	@PostMapping("/login/second-factor")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String user = currentName();
		var wait = this.throttle.waitFor("2fa:" + user, request.getRemoteAddr());
		if (wait.isPresent()) {
			model.addAttribute("throttled", wait.get().toSeconds());
			return "auth/second-factor";
		}
		if (!this.secondFactor.verify(user, code)) {
			this.throttle.failed("2fa:" + user, request.getRemoteAddr());
			model.addAttribute("wrongCode", true);
			return "auth/second-factor";
		}
		this.throttle.succeeded("2fa:" + user);
		this.login.complete(request, response);
		return "redirect:/";
	}

	@GetMapping("/account/second-factor")
	String enrolment(HttpSession session, Model model) {
		String user = currentName();
		if (this.secondFactor.isEnabled(user)) {
			model.addAttribute("enabled", true);
			model.addAttribute("recoveryLeft", this.secondFactor.recoveryCodesLeft(user));
			return "auth/enrol";
		}
		SecondFactorService.Enrolment enrolment = this.secondFactor.newEnrolment(user);
		session.setAttribute(PENDING_SECRET, enrolment.secret());
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("required", isEnrolmentRequired());
		return "auth/enrol";
	}

	@PostMapping("/account/second-factor")
	String confirm(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String user = currentName();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/account/second-factor";
		}
		Optional<List<String>> codes = this.login.asOriginal(request,
				() -> this.secondFactor.confirm(user, secret, code));
		if (codes.isEmpty()) {
			model.addAttribute("wrongCode", true);
			model.addAttribute("enrolment", this.secondFactor.newEnrolmentFor(user, secret));
			model.addAttribute("required", isEnrolmentRequired());
			return "auth/enrol";
		}
		session.removeAttribute(PENDING_SECRET);
		if (isEnrolmentRequired()) {
			this.login.complete(request, response);
		}
		model.addAttribute("recoveryCodes", codes.get());
		return "auth/recovery-codes";
	}

	private static boolean isEnrolmentRequired() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> SecondFactorLogin.ENROLMENT_REQUIRED.equals(authority.getAuthority()));
	}

	private static String currentName() {
		return SecurityContextHolder.getContext().getAuthentication().getName();
	}

}
