package ch.mspguard.report;

import java.util.List;
import java.util.function.Supplier;

import ch.mspguard.tenant.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log as an operator does (only operators may read it) and runs work as
 * an operator outside a request.
 */
@Component
class ExportAuditEvents {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ExportAuditEvents(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** The details of the latest event of the action on the target. */
	JsonNode latest(String action, String target) {
		return asOperator(() -> this.transactions.execute((tx) -> this.jdbc.sql(
				"SELECT actor, details::text FROM audit_event WHERE action = ? AND target = ? ORDER BY id DESC LIMIT 1")
			.params(action, target)
			.query((rs, row) -> {
				JsonNode details = ch.mspguard.TestSnapshots.JSON.readTree(rs.getString(2));
				((ObjectNode) details).put("actor", rs.getString(1));
				return details;
			})
			.single()));
	}

	static <T> T asOperator(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("it-operator", null,
				List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
