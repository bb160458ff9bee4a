package ch.mspguard.exceptions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.ValidationError;
import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exceptions over the API, with the same rules as the pages: everyone lists what they may
 * see (tenant admins their own tenant's); tenant admins and operators request; operators
 * decide and revoke. API tokens read but change nothing: no token scope stands for a
 * second pair of eyes.
 */
@RestController
class ExceptionApiController {

	private static final String CHANGES = "hasAnyRole('OPERATOR', 'TENANT_ADMIN') and !hasAuthority('API_TOKEN')";

	private static final String DECIDES = "hasRole('OPERATOR') and !hasAuthority('API_TOKEN')";

	private final ExceptionService exceptions;

	private final MessageSource messages;

	ExceptionApiController(ExceptionService exceptions, MessageSource messages) {
		this.exceptions = exceptions;
		this.messages = messages;
	}

	@GetMapping("/api/exceptions")
	List<ExceptionBody> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String tenantId, @RequestParam(required = false) String ruleId) {
		return this.exceptions.list(filter(state, tenantId, ruleId)).stream().map(ExceptionBody::of).toList();
	}

	@PostMapping("/api/exceptions")
	@PreAuthorize(CHANGES)
	@ResponseStatus(HttpStatus.CREATED)
	ExceptionBody request(@RequestBody(required = false) NewException request) {
		NewException body = (request != null) ? request : new NewException(null, null, null, null, null, null, null);
		return ExceptionBody.of(this.exceptions.request(body));
	}

	@PostMapping("/api/exceptions/{id}/approve")
	@PreAuthorize(DECIDES)
	ExceptionBody approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
		return ExceptionBody.of(this.exceptions.approve(id, Decision.comment(decision)));
	}

	@PostMapping("/api/exceptions/{id}/reject")
	@PreAuthorize(DECIDES)
	ExceptionBody reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
		return ExceptionBody.of(this.exceptions.reject(id, Decision.comment(decision)));
	}

	@PostMapping("/api/exceptions/{id}/revoke")
	@PreAuthorize(DECIDES)
	ExceptionBody revoke(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
		return ExceptionBody.of(this.exceptions.revoke(id, Decision.comment(decision)));
	}

	/** Reads the list's filter, naming the parameter that is wrong. */
	static ExceptionFilter filter(String state, String tenantId, String ruleId) {
		UUID tenant;
		try {
			tenant = (tenantId != null && !tenantId.isBlank()) ? UUID.fromString(tenantId.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidExceptionRequestException(
					List.of(ValidationError.of("tenantId", "exception.tenant.unknown", tenantId)));
		}
		try {
			return ExceptionFilter.of(state, tenant, ruleId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidExceptionRequestException(
					List.of(ValidationError.of("state", "exception.state.unknown", state)));
		}
	}

	@ExceptionHandler(InvalidExceptionRequestException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidExceptionRequestException ex, Locale locale) {
		return ResponseEntity.badRequest().body(ValidationErrors.body(this.messages, ex.errors(), locale));
	}

	@ExceptionHandler(ExceptionRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(ExceptionRefusedException ex, Locale locale) {
		return ResponseEntity.status(ex.status()).body(ValidationErrors.body(this.messages, ex.errors(), locale));
	}

	/**
	 * @param comment the decision's comment
	 */
	record Decision(String comment) {

		static String comment(Decision decision) {
			return (decision != null) ? decision.comment() : null;
		}

	}

}
