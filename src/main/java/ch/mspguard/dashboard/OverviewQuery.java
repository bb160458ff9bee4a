package ch.mspguard.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Light;
import ch.mspguard.gateway.GatewayDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's data: a fixed number of statements however many tenants there are, and
 * only one page of rows.
 */
@Component
public class OverviewQuery {

	/**
	 * Tenants with their gateway's current evaluation. The tenant evaluations are reached
	 * through the gateways' current evaluations rather than joined from the whole table,
	 * which keeps every earlier evaluation as history.
	 */
	private static final String FROM = """
			FROM tenant t
			JOIN gateway g ON g.id = t.gateway_id
			LEFT JOIN evaluation e ON e.id = g.current_evaluation_id
			LEFT JOIN (SELECT cg.id AS gateway_id, x.* FROM gateway cg
			           JOIN tenant_evaluation x ON x.evaluation_id = cg.current_evaluation_id) te
			       ON te.tenant_id = t.id AND te.gateway_id = t.gateway_id
			""";

	/**
	 * Tenants per light, from the counts stored with each gateway's current evaluation.
	 */
	public static final String LIGHTS = """
			SELECT coalesce(sum(e.red_tenants), 0), coalesce(sum(e.yellow_tenants), 0), coalesce(sum(e.green_tenants), 0),
			       (SELECT count(*) FROM tenant t JOIN gateway u ON u.id = t.gateway_id
			        WHERE u.current_evaluation_id IS NULL)
			FROM gateway g JOIN evaluation e ON e.id = g.current_evaluation_id""";

	/** The five rules that fail for the most tenants. */
	public static final String TOP_FAILING = """
			SELECT r.key, sum(r.value::bigint) AS tenants
			FROM gateway g JOIN evaluation e ON e.id = g.current_evaluation_id
			CROSS JOIN LATERAL jsonb_each_text(e.failing_rule_tenants) AS r
			GROUP BY r.key ORDER BY tenants DESC, r.key LIMIT 5""";

	private final JdbcClient jdbc;

	private final GatewayDirectory gateways;

	OverviewQuery(JdbcClient jdbc, GatewayDirectory gateways) {
		this.jdbc = jdbc;
		this.gateways = gateways;
	}

	/**
	 * What the overview shows, read in one transaction: one role switch, one snapshot.
	 */
	public record View(Page page, Summary summary, List<GatewayDirectory.GatewayRef> gateways) {
	}

	@Transactional(readOnly = true)
	View view(OverviewFilter filter) {
		return new View(page(filter), summary(), this.gateways.gateways());
	}

	public record Row(UUID id, String name, String displayName, UUID gatewayId, String gatewayName, Light light,
			int fail, int warn, int unknown, String worstRule, Instant evaluatedAt, boolean unassigned) {
	}

	public record Page(List<Row> rows, long total) {
	}

	public record Summary(Map<Light, Long> lights, List<RuleCount> topFailing) {

		public long count(Light light) {
			return this.lights.get(light);
		}

		public long total() {
			return this.lights.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public record RuleCount(String ruleId, long tenants) {
	}

	/**
	 * The summary band from the counts stored with each gateway's current evaluation: one
	 * row per gateway, however many tenants. Tenants of a gateway without an evaluation
	 * count as yellow, as in the table.
	 */
	@Transactional(readOnly = true)
	Summary summary() {
		Map<Light, Long> lights = new EnumMap<>(Light.class);
		this.jdbc.sql(LIGHTS).query((rs) -> {
			lights.put(Light.RED, rs.getLong(1));
			lights.put(Light.YELLOW, rs.getLong(2) + rs.getLong(4));
			lights.put(Light.GREEN, rs.getLong(3));
		});
		List<RuleCount> top = this.jdbc.sql(TOP_FAILING)
			.query((rs, row) -> new RuleCount(rs.getString(1), rs.getLong(2)))
			.list();
		return new Summary(lights, top);
	}

	/** A page of the tenant table as SQL with its parameters. */
	public record PageStatement(String sql, List<Object> params) {
	}

	/**
	 * The statement of one page of the tenant table. Public, so that the benchmark's
	 * limit baseline ({@code bench/}) sends exactly the statement the page sends.
	 */
	public static PageStatement pageStatement(OverviewFilter filter) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.light() != null) {
			where.append(" AND coalesce(te.light, 'YELLOW') = ?");
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
		if (filter.q() != null) {
			String pattern = "%"
					+ filter.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" AND (lower(t.name) LIKE ? OR lower(coalesce(t.display_name, '')) LIKE ?"
					+ " OR EXISTS (SELECT 1 FROM managed_domain d WHERE d.tenant_id = t.id AND d.name LIKE ?))");
			params.add(pattern);
			params.add(pattern);
			params.add(pattern);
		}
		params.add(filter.size());
		params.add(filter.offset());
		return new PageStatement("""
				SELECT t.id, t.name, t.display_name, t.unassigned, g.id AS gateway_id, g.name AS gateway_name,
				       coalesce(te.light, 'YELLOW') AS light, coalesce(te.fail_count, 0) AS fail_count,
				       coalesce(te.warn_count, 0) AS warn_count, coalesce(te.unknown_count, 0) AS unknown_count,
				       te.worst_rule, e.evaluated_at,
				       count(*) OVER () AS total
				""" + FROM + where + " ORDER BY " + order(filter) + " LIMIT ? OFFSET ?", params);
	}

	@Transactional(readOnly = true)
	Page page(OverviewFilter filter) {
		PageStatement statement = pageStatement(filter);
		List<Long> total = new ArrayList<>();
		List<Row> rows = this.jdbc.sql(statement.sql()).params(statement.params()).query((rs, row) -> {
			if (total.isEmpty()) {
				total.add(rs.getLong("total"));
			}
			return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("display_name"),
					rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"),
					Light.valueOf(rs.getString("light")), rs.getInt("fail_count"), rs.getInt("warn_count"),
					rs.getInt("unknown_count"), rs.getString("worst_rule"),
					(rs.getTimestamp("evaluated_at") != null) ? rs.getTimestamp("evaluated_at").toInstant() : null,
					rs.getBoolean("unassigned"));
		}).list();
		return new Page(rows, total.isEmpty() ? 0 : total.get(0));
	}

	private static String order(OverviewFilter filter) {
		String dir = filter.desc() ? " DESC" : " ASC";
		String severity = "CASE coalesce(te.light, 'YELLOW') WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END";
		return switch (filter.sort()) {
			case LIGHT -> severity + dir + ", fail_count DESC, t.name";
			case NAME -> "lower(t.name)" + dir;
			case GATEWAY -> "g.name" + dir + ", lower(t.name)";
			case FAIL -> "fail_count" + dir + ", lower(t.name)";
			case WARN -> "warn_count" + dir + ", lower(t.name)";
			case UNKNOWN -> "unknown_count" + dir + ", lower(t.name)";
			case EVALUATED -> "evaluated_at" + dir + " NULLS LAST, lower(t.name)";
		};
	}

}
