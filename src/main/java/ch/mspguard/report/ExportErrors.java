package ch.mspguard.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused export with 503, {@code Retry-After} and a sentence the user can act
 * on.
 */
@RestControllerAdvice(assignableTypes = { PdfReportController.class, CsvExportController.class })
class ExportErrors {

	private final MessageSource messages;

	ExportErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ExportsBusyException.class)
	ResponseEntity<String> busy(ExportsBusyException ex, Locale locale) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(this.messages.getMessage("report.busy", new Object[] { seconds }, locale));
	}

}
