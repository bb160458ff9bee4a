package bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Issue 14's benchmark set-up: active exceptions for the failing domain findings of a gateway's
 * current evaluation, as if each had been requested and approved (bound to the finding's
 * outcome, message and arguments, and to the catalogue version). Approving 5,000 requests
 * through the application would re-evaluate the gateway 5,000 times; the benchmark measures
 * what active exceptions cost afterwards, not the approvals.
 * <p>
 * {@code ExceptionSeeder DB_PORT GATEWAY COUNT} inserts COUNT exceptions (at most five per
 * tenant in the first round, then more where tenants have more failing findings) and prints
 * how many; {@code ExceptionSeeder DB_PORT GATEWAY check} prints how many are still active and
 * how many findings the current evaluation counts as covered; {@code off} and {@code on} switch
 * the exceptions it inserted off (revoked) and on (active) again, which the application itself
 * never does: it lets the benchmark measure the same evaluation with and without them in turn.
 */
public final class ExceptionSeeder {

	private static final String CURRENT = """
			FROM current_evaluation c
			JOIN evaluation e ON e.id = c.evaluation_id
			JOIN gateway g ON g.id = c.gateway_id AND g.name = ?
			JOIN tenant_evaluation te ON te.evaluation_id = e.id""";

	private static final String SEED = """
			WITH failing AS (
			    SELECT te.tenant_id, e.catalogue_version, x.f,
			           row_number() OVER (PARTITION BY te.tenant_id ORDER BY x.f->>'domain', x.f->>'rule') AS rank
			""" + CURRENT + """

			    CROSS JOIN LATERAL jsonb_array_elements(te.findings) AS x(f)
			    WHERE x.f->>'domain' IS NOT NULL AND x.f->>'outcome' IN ('FAIL', 'WARN', 'UNKNOWN'))
			INSERT INTO finding_exception (id, tenant_id, rule_id, domain, category, reason, expires_on, state,
			       requested_by, requested_at, decided_by, decided_at, decision_comment, bound_catalogue_version,
			       bound_findings)
			SELECT gen_random_uuid(), tenant_id, f->>'rule', f->>'domain', 'RISK_ACCEPTED',
			       'bench/run: an accepted risk', current_date + 180, 'ACTIVE', 'bench-requester', now(),
			       'bench-operator', now(), 'bench/run', catalogue_version,
			       jsonb_build_array(jsonb_build_object('domain', f->'domain', 'outcome', f->'outcome',
			                                            'key', f->'key', 'args', f->'args'))
			FROM failing ORDER BY least(rank, 6), tenant_id, rank LIMIT ?""";

	private ExceptionSeeder() {
	}

	public static void main(String[] args) throws SQLException {
		try (Connection connection = OverviewBaseline.asOperator(Integer.parseInt(args[0]))) {
			if (args[2].equals("check")) {
				check(connection, args[1]);
			}
			else if (args[2].equals("off") || args[2].equals("on")) {
				boolean on = args[2].equals("on");
				try (PreparedStatement update = connection.prepareStatement(
						"UPDATE finding_exception SET state = ? WHERE state = ? AND decision_comment = 'bench/run'")) {
					update.setString(1, on ? "ACTIVE" : "REVOKED");
					update.setString(2, on ? "REVOKED" : "ACTIVE");
					System.out.println("exceptions switched " + args[2] + ": " + update.executeUpdate());
				}
			}
			else {
				try (PreparedStatement seed = connection.prepareStatement(SEED)) {
					seed.setString(1, args[1]);
					seed.setInt(2, Integer.parseInt(args[2]));
					System.out.println("active exceptions inserted: " + seed.executeUpdate());
				}
			}
		}
	}

	private static void check(Connection connection, String gateway) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM finding_exception "
				+ "WHERE state = 'ACTIVE'), count(*) FILTER (WHERE te.covered_count > 0), "
				+ "coalesce(sum(te.covered_count), 0) " + CURRENT)) {
			query.setString(1, gateway);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				System.out.println("active=" + rs.getLong(1) + " tenants-with-covered-findings=" + rs.getLong(2)
						+ " covered-findings=" + rs.getLong(3));
			}
		}
	}

}
