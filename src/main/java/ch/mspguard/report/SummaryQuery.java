package ch.mspguard.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Light;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the summary report's data in two statements whatever the number of tenants: the
 * precomputed lights and counts, and the failing and attention rules unnested.
 */
@Component
class SummaryQuery {

	private static final String FROM = """
			FROM tenant t
			JOIN gateway g ON g.id = t.gateway_id
			LEFT JOIN evaluation e ON e.id = g.current_evaluation_id
			LEFT JOIN tenant_evaluation te ON te.evaluation_id = e.id AND te.tenant_id = t.id
			""";

	private final JdbcClient jdbc;

	private final ExportTransactions transactions;

	SummaryQuery(JdbcClient jdbc, ExportTransactions transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	SummaryReport summary(ExportFilter filter) {
		return this.transactions.read(() -> {
			List<SummaryReport.TenantLine> tenants = tenants(filter);
			Map<Light, Long> lights = new EnumMap<>(Light.class);
			for (Light light : Light.values()) {
				lights.put(light, tenants.stream().filter((tenant) -> tenant.light() == light).count());
			}
			String gatewayName = (filter.gateway() != null) ? this.jdbc.sql("SELECT name FROM gateway WHERE id = ?")
				.param(filter.gateway())
				.query(String.class)
				.optional()
				.orElse(filter.gateway().toString()) : null;
			return new SummaryReport(tenants, rules(filter), lights, filter, gatewayName);
		});
	}

	private List<SummaryReport.TenantLine> tenants(ExportFilter filter) {
		List<Object> parameters = new ArrayList<>();
		String where = filter.where(parameters);
		return this.jdbc.sql("""
				SELECT t.id, t.name, t.display_name, g.name AS gateway_name, coalesce(te.light, 'YELLOW') AS light,
				       te.light IS NOT NULL AS evaluated, coalesce(te.fail_count, 0) AS fail,
				       coalesce(te.warn_count, 0) AS warn, coalesce(te.unknown_count, 0) AS unknown,
				       coalesce(te.pass_count, 0) AS pass, te.worst_rule, e.evaluated_at
				%s
				WHERE %s
				ORDER BY CASE coalesce(te.light, 'YELLOW') WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END,
				         fail DESC, warn DESC, unknown DESC, g.name, t.name""".formatted(FROM, where))
			.params(parameters)
			.query((rs, row) -> new SummaryReport.TenantLine(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("display_name"), rs.getString("gateway_name"), Light.valueOf(rs.getString("light")),
					rs.getBoolean("evaluated"), rs.getInt("fail"), rs.getInt("warn"), rs.getInt("unknown"),
					rs.getInt("pass"), rs.getString("worst_rule"),
					(rs.getTimestamp("evaluated_at") != null) ? rs.getTimestamp("evaluated_at").toInstant() : null))
			.list();
	}

	private List<SummaryReport.RuleLine> rules(ExportFilter filter) {
		List<Object> parameters = new ArrayList<>();
		String where = filter.where(parameters);
		return this.jdbc.sql("""
				SELECT r.rule, count(*) FILTER (WHERE r.failing) AS failing,
				       count(*) FILTER (WHERE NOT r.failing) AS attention
				%s
				CROSS JOIN LATERAL (SELECT f, true FROM unnest(te.failing_rules) f
				                    UNION ALL SELECT a, false FROM unnest(te.attention_rules) a) AS r (rule, failing)
				WHERE %s
				GROUP BY r.rule""".formatted(FROM, where))
			.params(parameters)
			.query((rs, row) -> new SummaryReport.RuleLine(rs.getString("rule"), rs.getLong("failing"),
					rs.getLong("attention")))
			.list()
			.stream()
			.sorted(Comparator.comparingLong(SummaryReport.RuleLine::failing)
				.reversed()
				.thenComparing((line) -> Catalogue.position(line.ruleId())))
			.toList();
	}

}
