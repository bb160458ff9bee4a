package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ch.mspguard.dashboard.OverviewFilter;
import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.TenantSort;

/**
 * The limit baseline of the overview page: how long PostgreSQL itself takes to return the
 * data the default overview shows (no filter, sorted by light, first page of 25), with the
 * very statements {@code CurrentEvaluations} and {@code GatewayDirectory} send, over plain JDBC
 * on one connection, as the application role switched to the operator role (row-level
 * security applies as in the application), each statement in its own implicit
 * transaction. Every result row is read. Not a test: it prints numbers.
 * <p>
 * Usage: {@code OverviewBaseline PORT [RUNS]}; prints
 * {@code baseline page=… summary=… gateways=… total=…} with the median milliseconds of
 * each part, and of all parts run one after another.
 * <p>
 * The page and summary statements are taken from {@code CurrentEvaluations} itself.
 */
public final class OverviewBaseline {

	private static final CurrentEvaluations.Statement PAGE = CurrentEvaluations.pageStatement(
			OverviewFilter.defaults().tenants(), TenantSort.LIGHT, false, 0, OverviewFilter.defaults().size());

	private static final String LIGHTS = CurrentEvaluations.LIGHTS;

	private static final String TOP_FAILING = CurrentEvaluations.TOP_FAILING;

	/** As {@code GatewayDirectory.gateways()} sends it. */
	private static final String GATEWAYS = "SELECT id, name FROM gateway ORDER BY name";

	public static void main(String[] args) throws SQLException {
		int port = Integer.parseInt(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		try (Connection connection = asOperator(port)) {
			List<Double> page = new ArrayList<>();
			List<Double> summary = new ArrayList<>();
			List<Double> gateways = new ArrayList<>();
			List<Double> total = new ArrayList<>();
			for (int i = 0; i < runs / 5; i++) {
				run(connection, PAGE.sql(), PAGE.params());
				run(connection, LIGHTS, List.of());
				run(connection, TOP_FAILING, List.of());
				run(connection, GATEWAYS, List.of());
			}
			for (int i = 0; i < runs; i++) {
				double p = run(connection, PAGE.sql(), PAGE.params());
				double s = run(connection, LIGHTS, List.of()) + run(connection, TOP_FAILING, List.of());
				double g = run(connection, GATEWAYS, List.of());
				page.add(p);
				summary.add(s);
				gateways.add(g);
				total.add(p + s + g);
			}
			System.out.printf("baseline page=%.2f summary=%.2f gateways=%.2f total=%.2f rows=%d%n", median(page),
					median(summary), median(gateways), median(total), rows(connection));
		}
	}

	/**
	 * A connection to the benchmark's embedded database in the operator's role (which sees
	 * every tenant), as the application's pages use it.
	 */
	static Connection asOperator(int port) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port
				+ "/hardening?user=hardening_app&options=-c%20role%3Dhardening_operator");
	}

	/** Milliseconds to execute the statement and read every row. */
	private static double run(Connection connection, String sql, List<Object> params) throws SQLException {
		long start = System.nanoTime();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
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
