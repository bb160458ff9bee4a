package ch.mspguard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Lets {@code ?lang=} switch only to a language the application speaks.
 */
class SupportedLocaleOnly implements HandlerInterceptor {

	private final LocaleChangeInterceptor delegate;

	SupportedLocaleOnly(LocaleChangeInterceptor delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws jakarta.servlet.ServletException {
		String lang = request.getParameter(this.delegate.getParamName());
		if (lang == null || WebConfiguration.SUPPORTED.stream().noneMatch((l) -> l.getLanguage().equals(lang))) {
			return true;
		}
		return this.delegate.preHandle(request, response, handler);
	}

}
