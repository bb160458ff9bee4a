package ch.mspguard.checklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import ch.mspguard.gateway.DataAges;
import ch.mspguard.tenant.Actor;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one read API for tenants' current evaluations: the overview's page and summary
 * band, the summary report's lines and rule tallies, and a cursor over findings for
 * streaming exports. Which evaluation is current, what "not evaluated" means and how the
 * counts are stored is decided here and nowhere else. Each method reads a fixed number of
 * statements however many tenants there are; the tenants a user may see are decided by
 * the database role of the calling transaction.
 */
@Component
public class CurrentEvaluations {

	/** The light of a tenant whose gateway has no evaluation yet. */
	public static final Light NOT_EVALUATED = Light.YELLOW;

	/** A tenant's light in SQL, on the alias {@code te} of {@link #FROM}. */
	static final String LIGHT = "coalesce(te.light, '" + NOT_EVALUATED.name() + "')";

	/**
	 * Tenants ({@code t}) with their gateway ({@code g}), its current evaluation
	 * ({@code e}) and the tenant's part of it ({@code te}, every column but the
	 * operator-only details, so that tenant admins may read it). The tenant evaluations
	 * are looked up one per tenant by their key in the gateway's current evaluation: the
	 * table keeps every earlier evaluation as history, and a join over it let the planner
	 * read all of it (a sequential scan of every evaluation kept, 14 ms of the overview's
	 * 22 at 38,000 rows). {@code LIMIT 1} keeps PostgreSQL from flattening the lookup
	 * into that join.
	 */
	static final String FROM = """
			FROM tenant t
			JOIN gateway g ON g.id = t.gateway_id
			LEFT JOIN current_evaluation c ON c.gateway_id = g.id
			LEFT JOIN evaluation e ON e.id = c.evaluation_id
			LEFT JOIN LATERAL (SELECT x.evaluation_id, x.tenant_id, x.light, x.fail_count, x.warn_count,
			                  x.unknown_count, x.pass_count, x.not_applicable_count, x.worst_rule, x.failing_rules,
			                  x.attention_rules, x.findings, x.covered_count
			           FROM tenant_evaluation x
			           WHERE x.evaluation_id = c.evaluation_id AND x.tenant_id = t.id
			           LIMIT 1) te ON true
			""";

	/**
	 * Tenants per light, from the counts stored with each gateway's current evaluation;
	 * the last column counts the tenants of gateways without evaluation.
	 */
	public static final String LIGHTS = """
			SELECT coalesce(sum(e.red_tenants), 0), coalesce(sum(e.yellow_tenants), 0), coalesce(sum(e.green_tenants), 0),
			       (SELECT count(*) FROM tenant t
			        WHERE NOT EXISTS (SELECT 1 FROM current_evaluation u WHERE u.gateway_id = t.gateway_id))
			FROM current_evaluation c JOIN evaluation e ON e.id = c.evaluation_id""";

	/** The five rules that fail for the most tenants. */
	public static final String TOP_FAILING = """
			SELECT r.key, sum(r.value::bigint) AS tenants
			FROM current_evaluation c JOIN evaluation e ON e.id = c.evaluation_id
			CROSS JOIN LATERAL jsonb_each_text(e.failing_rule_tenants) AS r
			GROUP BY r.key ORDER BY tenants DESC, r.key LIMIT 5""";

	private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<Integer, Message>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final java.time.Clock clock;

	private final DataAges dataAges;

	CurrentEvaluations(JdbcClient jdbc, JdbcTemplate cursor, java.time.Clock clock, DataAges dataAges) {
		this.jdbc = jdbc;
		this.cursor = cursor;
		this.clock = clock;
		this.dataAges = dataAges;
	}

	/** One page of tenants and how many the filter selects. */
	public record Page(List<TenantStatus> rows, long total) {
	}

	/** The summary band: tenants per light, and the rules that fail for the most. */
	public record Summary(Map<Light, Long> lights, List<RuleCount> topFailing) {

		public long count(Light light) {
			return this.lights.get(light);
		}

		public long total() {
			return this.lights.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** A rule and on how many tenants it fails. */
	public record RuleCount(String ruleId, long tenants) {
	}

	/**
	 * A rule across tenants.
	 *
	 * @param ruleId the rule
	 * @param failing on how many tenants it fails
	 * @param attention on how many tenants it warns or lacks data
	 */
	public record RuleTally(String ruleId, long failing, long attention) {
	}

	/**
	 * One tenant's current findings as stored, for a streaming export.
	 *
	 * @param tenantName the tenant's name
	 * @param displayName its display name
	 * @param gatewayName its gateway's name
	 * @param evaluationId the evaluation
	 * @param evaluatedAt when it ran
	 * @param gatewayFindings the gateway-scoped findings (the same instance for every
	 * tenant of a gateway)
	 * @param gatewayDetails their operator-only messages (empty for tenant admins)
	 * @param findings the tenant's own findings
	 * @param details their operator-only messages (empty for tenant admins)
	 */
	public record TenantFindings(String tenantName, String displayName, String gatewayName, UUID evaluationId,
			Instant evaluatedAt, List<StoredFinding> gatewayFindings, Map<Integer, Message> gatewayDetails,
			List<StoredFinding> findings, Map<Integer, Message> details) {
	}

	/** A statement with its parameters. */
	public record Statement(String sql, List<Object> params) {
	}

	/** One page of tenants in the given order. */
	@Transactional(readOnly = true)
	public Page page(TenantFilter filter, TenantSort sort, boolean descending, int offset, int size) {
		Statement statement = pageStatement(filter, sort, descending, offset, size, this.clock.instant());
		List<Long> total = new ArrayList<>();
		List<TenantStatus> rows = this.jdbc.sql(statement.sql()).params(statement.params()).query((rs, row) -> {
			if (total.isEmpty()) {
				total.add(rs.getLong("total"));
			}
			return status(rs);
		}).list();
		return new Page(rows, total.isEmpty() ? 0 : total.get(0));
	}

	/** Every tenant the filter selects, in the reports' order. */
	@Transactional(readOnly = true)
	public List<TenantStatus> all(TenantFilter filter) {
		return page(filter, TenantSort.REPORT, false, 0, Integer.MAX_VALUE).rows();
	}

	/**
	 * The statement of one page. Public, so that the benchmark's limit baseline
	 * ({@code bench/}) sends exactly the statement the overview sends.
	 */
	public static Statement pageStatement(TenantFilter filter, TenantSort sort, boolean descending, int offset,
			int size) {
		return pageStatement(filter, sort, descending, offset, size, java.time.Instant.now());
	}

	private static Statement pageStatement(TenantFilter filter, TenantSort sort, boolean descending, int offset,
			int size, java.time.Instant now) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params, now);
		params.add(size);
		params.add(offset);
		return new Statement("""
				SELECT t.id, t.name, t.display_name, t.unassigned, g.id AS gateway_id, g.name AS gateway_name,
				       %s AS light, te.light IS NOT NULL AS evaluated, coalesce(te.fail_count, 0) AS fail_count,
				       coalesce(te.warn_count, 0) AS warn_count, coalesce(te.unknown_count, 0) AS unknown_count,
				       coalesce(te.pass_count, 0) AS pass_count, te.worst_rule, e.evaluated_at,
				       g.data_confirmed_at, g.data_confirmed_by, coalesce(te.covered_count, 0) AS covered_count,
				       count(*) OVER () AS total
				%s WHERE %s ORDER BY %s LIMIT ? OFFSET ?""".formatted(LIGHT, FROM, where, order(sort, descending)),
				params);
	}

	/**
	 * The summary band from the counts stored with each gateway's current evaluation: one
	 * row per gateway, however many tenants. Tenants of a gateway without an evaluation
	 * count as {@link #NOT_EVALUATED}, as in the table.
	 */
	@Transactional(readOnly = true)
	public Summary summary() {
		Map<Light, Long> lights = new EnumMap<>(Light.class);
		for (Light light : Light.values()) {
			lights.put(light, 0L);
		}
		this.jdbc.sql(LIGHTS).query((rs) -> {
			lights.put(Light.RED, rs.getLong(1));
			lights.put(Light.YELLOW, rs.getLong(2));
			lights.put(Light.GREEN, rs.getLong(3));
			lights.merge(NOT_EVALUATED, rs.getLong(4), Long::sum);
		});
		List<RuleCount> top = this.jdbc.sql(TOP_FAILING)
			.query((rs, row) -> new RuleCount(rs.getString(1), rs.getLong(2)))
			.list();
		return new Summary(lights, top);
	}

	/** The rules that fail or need attention on the tenants the filter selects. */
	@Transactional(readOnly = true)
	public List<RuleTally> ruleTallies(TenantFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params, this.clock.instant());
		return this.jdbc.sql("""
				SELECT r.rule, count(*) FILTER (WHERE r.failing) AS failing,
				       count(*) FILTER (WHERE NOT r.failing) AS attention
				%s
				CROSS JOIN LATERAL (SELECT f, true FROM unnest(te.failing_rules) f
				                    UNION ALL SELECT a, false FROM unnest(te.attention_rules) a) AS r (rule, failing)
				WHERE %s
				GROUP BY r.rule""".formatted(FROM, where))
			.params(params)
			.query((rs, row) -> new RuleTally(rs.getString("rule"), rs.getLong("failing"), rs.getLong("attention")))
			.list();
	}

	/**
	 * Streams the current findings of one tenant ({@code tenantId} not null) or of every
	 * evaluated tenant the filter selects, by gateway and tenant name, from a database
	 * cursor: memory stays constant however many tenants there are. Runs in the caller's
	 * transaction (a cursor needs one). Operator-only details are read only for actors
	 * who see all tenants.
	 */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public void findings(TenantFilter filter, UUID tenantId, int fetchSize, Consumer<TenantFindings> consumer) {
		boolean details = Actor.require().seesAllTenants();
		List<Object> params = new ArrayList<>();
		String where = where(filter, params, this.clock.instant()) + " AND te.tenant_id IS NOT NULL";
		if (tenantId != null) {
			where += " AND t.id = ?";
			params.add(tenantId);
		}
		String sql = """
				SELECT t.name, t.display_name, g.name AS gateway_name, e.id AS evaluation_id, e.evaluated_at,
				       e.findings AS gateway_findings, te.findings%s
				%s WHERE %s
				ORDER BY g.name, t.name""".formatted(details ? """
				, e.details AS gateway_details,
				       (SELECT d.details FROM tenant_evaluation d
				        WHERE d.evaluation_id = te.evaluation_id AND d.tenant_id = te.tenant_id) AS details""" : "",
				FROM, where);
		FindingsReader reader = new FindingsReader(details, consumer);
		this.cursor.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setFetchSize(fetchSize);
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			return statement;
		}, reader::row);
	}

	/** Decodes each tenant's row; the gateway's findings once per evaluation. */
	private static final class FindingsReader {

		private final boolean details;

		private final Consumer<TenantFindings> consumer;

		private UUID evaluation;

		private List<StoredFinding> gatewayFindings = List.of();

		private Map<Integer, Message> gatewayDetails = Map.of();

		FindingsReader(boolean details, Consumer<TenantFindings> consumer) {
			this.details = details;
			this.consumer = consumer;
		}

		void row(ResultSet rs) throws SQLException {
			UUID evaluationId = rs.getObject("evaluation_id", UUID.class);
			if (!evaluationId.equals(this.evaluation)) {
				this.gatewayFindings = json(rs.getString("gateway_findings"), FINDINGS);
				this.gatewayDetails = this.details ? json(rs.getString("gateway_details"), DETAILS) : Map.of();
				this.evaluation = evaluationId;
			}
			this.consumer.accept(new TenantFindings(rs.getString("name"), rs.getString("display_name"),
					rs.getString("gateway_name"), evaluationId, rs.getTimestamp("evaluated_at").toInstant(),
					this.gatewayFindings, this.gatewayDetails, json(rs.getString("findings"), FINDINGS),
					this.details ? json(rs.getString("details"), DETAILS) : Map.of()));
		}

	}

	/**
	 * The filter as an SQL condition on the aliases of {@link #FROM}, adding its
	 * parameters.
	 */
	private static String where(TenantFilter filter, List<Object> params, java.time.Instant now) {
		StringBuilder where = new StringBuilder("true");
		if (filter.worsenedDays() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM light_change lc WHERE lc.tenant_id = t.id AND lc.worsened"
					+ " AND lc.changed_at >= ?)");
			params.add(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(filter.worsenedDays()))));
		}
		if (filter.failingDays() != null) {
			where.append(" AND ")
				.append(LIGHT)
				.append(" = 'RED' AND NOT EXISTS (SELECT 1 FROM light_change lc")
				.append(" WHERE lc.tenant_id = t.id AND lc.changed_at >= ?)");
			params.add(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(filter.failingDays()))));
		}
		if (filter.light() != null) {
			where.append(" AND ").append(LIGHT).append(" = ?");
			params.add(filter.light().name());
		}
		if (filter.gateway() != null) {
			where.append(" AND g.id = ?");
			params.add(filter.gateway());
		}
		if (filter.rule() != null) {
			where.append(" AND (? = ANY (te.failing_rules) OR ? = ANY (te.attention_rules))");
			params.add(filter.rule());
			params.add(filter.rule());
		}
		if (filter.confirmedBefore() != null) {
			where.append(" AND (g.data_confirmed_at IS NULL OR g.data_confirmed_at <= ?)");
			params.add(Timestamp.from(filter.confirmedBefore()));
		}
		if (filter.search() != null) {
			String pattern = "%"
					+ filter.search().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" AND (lower(t.name) LIKE ? OR lower(coalesce(t.display_name, '')) LIKE ?"
					+ " OR EXISTS (SELECT 1 FROM managed_domain d WHERE d.tenant_id = t.id AND d.name LIKE ?))");
			params.add(pattern);
			params.add(pattern);
			params.add(pattern);
		}
		return where.toString();
	}

	private static String order(TenantSort sort, boolean descending) {
		String dir = descending ? " DESC" : " ASC";
		String severity = "CASE " + LIGHT + " WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END";
		return switch (sort) {
			case LIGHT -> severity + dir + ", fail_count DESC, t.name";
			case NAME -> "lower(t.name)" + dir;
			case GATEWAY -> "g.name" + dir + ", lower(t.name)";
			case FAIL -> "fail_count" + dir + ", lower(t.name)";
			case WARN -> "warn_count" + dir + ", lower(t.name)";
			case UNKNOWN -> "unknown_count" + dir + ", lower(t.name)";
			case EVALUATED -> "evaluated_at" + dir + " NULLS LAST, lower(t.name)";
			case REPORT -> severity + ", fail_count DESC, warn_count DESC, unknown_count DESC, g.name, t.name";
		};
	}

	private TenantStatus status(ResultSet rs) throws SQLException {
		return new TenantStatus(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("display_name"),
				rs.getBoolean("unassigned"), rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"),
				Light.valueOf(rs.getString("light")), rs.getBoolean("evaluated"), rs.getInt("fail_count"),
				rs.getInt("warn_count"), rs.getInt("unknown_count"), rs.getInt("pass_count"),
				rs.getString("worst_rule"),
				(rs.getTimestamp("evaluated_at") != null) ? rs.getTimestamp("evaluated_at").toInstant() : null,
				this.dataAges.read(rs), rs.getInt("covered_count"));
	}

	private static <T> T json(String text, TypeReference<T> type) {
		return EvaluationStore.JSON.readValue(text, type);
	}

}
