package ch.mspguard.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What the dashboard answers while its database cannot be reached: 503 with
 * {@code Retry-After}, as JSON on the API; the application recovers by itself once the
 * database is back, so the client is told to try again rather than that it failed.
 */
final class DatabaseUnavailable {

	static final String RETRY_AFTER_SECONDS = "30";

	static final String MESSAGE = "The database is unreachable; try again in a minute";

	private DatabaseUnavailable() {
	}

	/** Whether the failure (or one of its causes) is a lost or refused connection. */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// 08: connection exception; 57P01-57P03: the server is shutting down or
			// starting.
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			// A connection lost mid-transaction fails the rollback too, and that failure
			// replaces the first one: a rollback that failed in JDBC means the connection
			// is gone.
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the request is the API's, which answers in JSON rather than with a page.
	 */
	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** The API's answer: the project's JSON error format. */
	static void writeJson(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"errors\":[{\"path\":\"\",\"message\":\"" + MESSAGE + "\"}]}");
	}

}
