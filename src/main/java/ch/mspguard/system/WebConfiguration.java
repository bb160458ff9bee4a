package ch.mspguard.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * German or English: the browser's preference by default, switched with
 * {@code ?lang=de|en} and remembered in a cookie. Static resources on their own paths
 * only.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("hardening-lang");
		resolver.setDefaultLocaleFunction((request) -> SUPPORTED.stream()
			.filter((supported) -> request.getHeader("Accept-Language") != null
					&& request.getLocale().getLanguage().equals(supported.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH));
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	/**
	 * Replaces Boot's catch-all {@code /**} static mapping (switched off with
	 * {@code spring.web.resources.add-mappings=false}): with the resource chain on
	 * (webjars locator), every link a template writes is offered to the resource URL
	 * provider, and under {@code /**} each one, {@code /tenants/…} included, was looked
	 * up as a file in four class path locations — most of the overview page's CPU time. A
	 * new folder under {@code static/} needs a line here.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLocaleOnly(interceptor));
	}

}
