package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The limit baseline of the overview page: how long PostgreSQL itself takes to return the
 * data the default overview shows (no filter, sorted by light, first page of 25), with the
 * very statements {@code OverviewQuery} and {@code GatewayDirectory} send, over plain JDBC
 * on one connection, as the application role switched to the operator role (row-level
 * security applies as in the application), each statement in its own implicit
 * transaction. Every result row is read. Not a test: it prints numbers.
 * <p>
 * Usage: {@code OverviewBaseline PORT [RUNS]}; prints
 * {@code baseline page=… summary=… gateways=… total=…} with the median milliseconds of
 * each part, and of all parts run one after another.
 * <p>
 * Keep the SQL in step with {@code src/main/java/ch/mspguard/dashboard/OverviewQuery.java}.
 */
public final class OverviewBaseline {

	private static final String FROM = """
			FROM tenant t
			JOIN gateway g ON g.id = t.gateway_id
			LEFT JOIN evaluation e ON e.id = g.current_evaluation_id
			LEFT JOIN (SELECT cg.id AS gateway_id, x.* FROM gateway cg
			           JOIN tenant_evaluation x ON x.evaluation_id = cg.current_evaluation_id) te
			       ON te.tenant_id = t.id AND te.gateway_id = t.gateway_id
			""";

	static final String LIGHTS = """
			SELECT coalesce(sum(e.red_tenants), 0), coalesce(sum(e.yellow_tenants), 0), coalesce(sum(e.green_tenants), 0),
			       (SELECT count(*) FROM tenant t JOIN gateway u ON u.id = t.gateway_id
			        WHERE u.current_evaluation_id IS NULL)
			FROM gateway g JOIN evaluation e ON e.id = g.current_evaluation_id""";

	static final String TOP_FAILING = """
			SELECT r.key, sum(r.value::bigint) AS tenants
			FROM gateway g JOIN evaluation e ON e.id = g.current_evaluation_id
			CROSS JOIN LATERAL jsonb_each_text(e.failing_rule_tenants) AS r
			GROUP BY r.key ORDER BY tenants DESC, r.key LIMIT 5""";

	static final String PAGE = """
			SELECT t.id, t.name, t.display_name, g.id AS gateway_id, g.name AS gateway_name,
			       coalesce(te.light, 'YELLOW') AS light, coalesce(te.fail_count, 0) AS fail_count,
			       coalesce(te.warn_count, 0) AS warn_count, coalesce(te.unknown_count, 0) AS unknown_count,
			       te.worst_rule, e.evaluated_at,
			       count(*) OVER () AS total
			""" + FROM + " WHERE true ORDER BY "
			+ "CASE coalesce(te.light, 'YELLOW') WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END ASC, "
			+ "fail_count DESC, t.name LIMIT ? OFFSET ?";

	static final String GATEWAYS = "SELECT id, name FROM gateway ORDER BY name";

	public static void main(String[] args) throws SQLException {
		int port = Integer.parseInt(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		String url = "jdbc:postgresql://localhost:" + port
				+ "/hardening?user=hardening_app&options=-c%20role%3Dhardening_operator";
		try (Connection connection = DriverManager.getConnection(url)) {
			List<Double> page = new ArrayList<>();
			List<Double> summary = new ArrayList<>();
			List<Double> gateways = new ArrayList<>();
			List<Double> total = new ArrayList<>();
			for (int i = 0; i < runs / 5; i++) {
				run(connection, PAGE, true);
				run(connection, LIGHTS, false);
				run(connection, TOP_FAILING, false);
				run(connection, GATEWAYS, false);
			}
			for (int i = 0; i < runs; i++) {
				double p = run(connection, PAGE, true);
				double s = run(connection, LIGHTS, false) + run(connection, TOP_FAILING, false);
				double g = run(connection, GATEWAYS, false);
				page.add(p);
				summary.add(s);
				gateways.add(g);
				total.add(p + s + g);
			}
			System.out.printf("baseline page=%.2f summary=%.2f gateways=%.2f total=%.2f rows=%d%n", median(page),
					median(summary), median(gateways), median(total), rows(connection));
		}
	}

	/** Milliseconds to execute the statement and read every row. */
	private static double run(Connection connection, String sql, boolean paged) throws SQLException {
		long start = System.nanoTime();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (paged) {
				statement.setInt(1, 25);
				statement.setInt(2, 0);
			}
			try (ResultSet rs = statement.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int c = 1; c <= columns; c++) {
						rs.getObject(c);
					}
				}
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static int rows(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM tenant");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
