package ch.mspguard.audit;

import java.util.Map;

import ch.mspguard.tenant.Actor;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log: who did what, to what, when and from where. The database
 * grants every role INSERT and nobody UPDATE or DELETE.
 */
@Component
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	AuditLog(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/**
	 * Records an event inside the caller's transaction, so that it is written exactly
	 * when the change it describes is.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditAction action, String target, Map<String, ?> details) {
		insert(Actor.current().map(Actor::name).orElse("anonymous"), action, target, details);
	}

	/** Records an event of someone not (yet) authenticated, such as a failed login. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAnonymous(String actor, AuditAction action, String target, Map<String, ?> details) {
		insert(actor, action, target, details);
	}

	private void insert(String actor, AuditAction action, String target, Map<String, ?> details) {
		// Every audited action counted for operations (/actuator/prometheus): failed
		// logins, exports, imports, edits.
		this.meters.counter("hardening.audit.events", "action", action.name()).increment();
		this.jdbc
			.sql("INSERT INTO audit_event (actor, action, target, details, source_address) "
					+ "VALUES (?, ?, ?, ?::jsonb, ?)")
			.params(actor, action.name(), target, JSON.writeValueAsString(details), sourceAddress())
			.update();
	}

	private static String sourceAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
