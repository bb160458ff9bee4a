package ch.mspguard.checklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.tenant.Actor;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads current evaluations. Operator-only details are read only for actors who see all
 * tenants; for tenant admins the database would refuse the column anyway.
 */
@Component
public class EvaluationReader {

	private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<Integer, Message>> DETAILS = new TypeReference<>() {
	};

	private static final String CURRENT = """
			SELECT t.id, t.name, t.display_name, g.id AS gateway_id, g.name AS gateway_name, e.id AS evaluation_id,
			       e.evaluated_at, e.catalogue_version, e.findings AS gateway_findings, te.light, te.fail_count,
			       te.warn_count, te.unknown_count, te.pass_count, te.not_applicable_count, te.worst_rule, te.findings
			""" + CurrentEvaluations.FROM;

	private final JdbcClient jdbc;

	EvaluationReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tenant's current evaluation, if the tenant exists and the actor may see it. */
	@Transactional(readOnly = true)
	public Optional<StoredEvaluation> tenant(UUID tenantId) {
		if (!Actor.current().map((actor) -> actor.maySee(tenantId)).orElse(false)) {
			return Optional.empty();
		}
		return this.jdbc.sql(CURRENT + " WHERE t.id = ?")
			.param(tenantId)
			.query(this::row)
			.optional()
			.map(this::withDetails);
	}

	/** The current evaluations of every tenant the actor may see, by gateway and name. */
	@Transactional(readOnly = true)
	public List<StoredEvaluation> tenants() {
		Actor actor = Actor.require();
		return this.jdbc.sql(CURRENT + " ORDER BY g.name, t.name")
			.query(this::row)
			.list()
			.stream()
			.filter((evaluation) -> actor.maySee(evaluation.tenantId()))
			.map(this::withDetails)
			.toList();
	}

	/** The gateways the actor may see with their current gateway-scoped evaluation. */
	@Transactional(readOnly = true)
	public List<StoredGatewayEvaluation> gateways() {
		return this.jdbc.sql(GATEWAY + " ORDER BY g.name").query(this::gatewayRow).list();
	}

	@Transactional(readOnly = true)
	public Optional<StoredGatewayEvaluation> gateway(UUID gatewayId) {
		return this.jdbc.sql(GATEWAY + " WHERE g.id = ?").param(gatewayId).query(this::gatewayRow).optional();
	}

	private static final String GATEWAY = """
			SELECT g.id, g.name, e.id AS evaluation_id, e.evaluated_at, e.catalogue_version, e.light, e.findings
			FROM gateway g
			LEFT JOIN current_evaluation c ON c.gateway_id = g.id
			LEFT JOIN evaluation e ON e.id = c.evaluation_id
			""";

	private StoredGatewayEvaluation gatewayRow(ResultSet rs, int row) throws SQLException {
		UUID evaluationId = rs.getObject("evaluation_id", UUID.class);
		Map<Integer, Message> details = Map.of();
		if (evaluationId != null && Actor.require().seesAllTenants()) {
			details = this.jdbc.sql("SELECT details FROM evaluation WHERE id = ?")
				.param(evaluationId)
				.query((detailRs, detailRow) -> json(detailRs.getString(1), DETAILS))
				.single();
		}
		return new StoredGatewayEvaluation(rs.getObject("id", UUID.class), rs.getString("name"), evaluationId,
				(evaluationId != null) ? rs.getTimestamp("evaluated_at").toInstant() : null,
				(evaluationId != null) ? rs.getInt("catalogue_version") : null,
				(evaluationId != null) ? Light.valueOf(rs.getString("light")) : CurrentEvaluations.NOT_EVALUATED,
				(evaluationId != null) ? json(rs.getString("findings"), FINDINGS) : List.of(), details);
	}

	private StoredEvaluation withDetails(StoredEvaluation evaluation) {
		if (!evaluation.isEvaluated() || !Actor.require().seesAllTenants()) {
			return evaluation;
		}
		return this.jdbc.sql("""
				SELECT e.details, te.details FROM evaluation e
				JOIN tenant_evaluation te ON te.evaluation_id = e.id
				WHERE e.id = ? AND te.tenant_id = ?""")
			.params(evaluation.evaluationId(), evaluation.tenantId())
			.query((rs, row) -> new StoredEvaluation(evaluation.tenantId(), evaluation.tenantName(),
					evaluation.displayName(), evaluation.gatewayId(), evaluation.gatewayName(),
					evaluation.evaluationId(), evaluation.evaluatedAt(), evaluation.catalogueVersion(),
					evaluation.light(), evaluation.counts(), evaluation.worstRule(), evaluation.gatewayFindings(),
					evaluation.findings(), json(rs.getString(1), DETAILS), json(rs.getString(2), DETAILS)))
			.optional()
			.orElse(evaluation);
	}

	private StoredEvaluation row(ResultSet rs, int row) throws SQLException {
		UUID evaluationId = rs.getObject("evaluation_id", UUID.class);
		boolean evaluated = evaluationId != null && rs.getString("light") != null;
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		counts.put(Outcome.FAIL, rs.getInt("fail_count"));
		counts.put(Outcome.WARN, rs.getInt("warn_count"));
		counts.put(Outcome.UNKNOWN, rs.getInt("unknown_count"));
		counts.put(Outcome.PASS, rs.getInt("pass_count"));
		counts.put(Outcome.NOT_APPLICABLE, rs.getInt("not_applicable_count"));
		return new StoredEvaluation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("display_name"),
				rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"), evaluated ? evaluationId : null,
				evaluated ? rs.getTimestamp("evaluated_at").toInstant() : null,
				evaluated ? rs.getInt("catalogue_version") : null,
				evaluated ? Light.valueOf(rs.getString("light")) : CurrentEvaluations.NOT_EVALUATED, counts,
				rs.getString("worst_rule"), evaluated ? json(rs.getString("gateway_findings"), FINDINGS) : List.of(),
				evaluated ? json(rs.getString("findings"), FINDINGS) : List.of(), Map.of(), Map.of());
	}

	private static <T> T json(String text, TypeReference<T> type) {
		return EvaluationStore.JSON.readValue(text, type);
	}

}
