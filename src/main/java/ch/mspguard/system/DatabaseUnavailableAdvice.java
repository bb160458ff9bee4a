package ch.mspguard.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * When the database cannot be reached, say so with a 503 page in the dashboard's layout
 * (and a JSON error on the API), with {@code Retry-After}, instead of a generic server
 * error. A failure already at the login is answered alike by
 * {@link SecurityConfiguration}.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	ModelAndView unavailable(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.error("Database unreachable while serving {}: {}", request.getRequestURI(), ex.getMessage());
		if (DatabaseUnavailable.isApi(request)) {
			DatabaseUnavailable.writeJson(response);
			// an empty model and view: the answer is written, nothing to render
			return new ModelAndView();
		}
		response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
		return new ModelAndView("error/503");
	}

}
