package ch.mspguard.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before the application (issue 18) still carry the security headers: a
 * URL that Spring Security's firewall rejects gets them here and then the application's
 * error page (400); a request that Tomcat itself refuses (a malformed request line, for
 * example) gets them from the error report valve, which shows no server details.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequestHeaders {

	static void apply(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; frame-ancestors 'none'; form-action 'self'; object-src 'none'; base-uri 'self'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			apply(response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorReportWithHeaders() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			Container parent = context.getParent();
			if (parent instanceof StandardHost host) {
				host.setErrorReportValveClass(HeaderErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * Tomcat's own error report, with the security headers and without server details.
	 */
	public static class HeaderErrorReportValve extends ErrorReportValve {

		public HeaderErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (!response.isCommitted()) {
				apply(response);
			}
			super.report(request, response, throwable);
		}

	}

}
