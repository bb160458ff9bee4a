package ch.mspguard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.checklist.StoredFinding;
import ch.mspguard.tenant.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams the findings of the current evaluations tenant by tenant from a database
 * cursor, in one read-only transaction on the calling thread (which carries the user's
 * database role): memory stays constant however many tenants there are. Each tenant's
 * rows list the gateway findings first, then its own, as the findings API does.
 * Operator-only detail messages are read only for actors who see all tenants.
 */
@Component
class FindingRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<Integer, Message>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final ExportTransactions transactions;

	private final FindingTexts texts;

	FindingRows(DataSource dataSource, ExportTransactions transactions, FindingTexts texts,
			ExportProperties properties) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(properties.fetchSize());
		this.transactions = transactions;
		this.texts = texts;
	}

	interface Sink {

		void accept(FindingRow row) throws IOException;

	}

	/**
	 * Streams the findings of one tenant ({@code tenantId} not null) or of every tenant
	 * the filter selects, by gateway and tenant name.
	 * @throws ExportTimeLimitException when the deadline passes
	 * @throws UncheckedIOException when the sink fails
	 */
	void stream(UUID tenantId, ExportFilter filter, Locale locale, long deadlineNanos, Sink sink) {
		boolean details = Actor.require().seesAllTenants();
		List<Object> parameters = new ArrayList<>();
		String where = filter.where(parameters);
		if (tenantId != null) {
			where += " AND t.id = ?";
			parameters.add(tenantId);
		}
		String sql = """
				SELECT t.name, t.display_name, g.name AS gateway_name, e.id AS evaluation_id, e.evaluated_at,
				       e.findings AS gateway_findings, te.findings%s
				FROM tenant t
				JOIN gateway g ON g.id = t.gateway_id
				JOIN evaluation e ON e.id = g.current_evaluation_id
				JOIN tenant_evaluation te ON te.evaluation_id = e.id AND te.tenant_id = t.id
				WHERE %s
				ORDER BY g.name, t.name""".formatted(details ? ", e.details AS gateway_details, te.details" : "",
				where);
		Renderer renderer = new Renderer(locale, details, sink);
		this.transactions.read(() -> {
			this.jdbc.query(sql, (ResultSet rs) -> {
				if (System.nanoTime() - deadlineNanos > 0) {
					throw new ExportTimeLimitException();
				}
				renderer.tenant(rs);
			}, parameters.toArray());
			return null;
		});
	}

	/** Renders one tenant's rows; keeps the last gateway's rendered findings. */
	private final class Renderer {

		private final Locale locale;

		private final boolean details;

		private final Sink sink;

		private UUID gatewayEvaluation;

		private List<RenderedFinding> gatewayFindings = List.of();

		Renderer(Locale locale, boolean details, Sink sink) {
			this.locale = locale;
			this.details = details;
			this.sink = sink;
		}

		void tenant(ResultSet rs) throws SQLException {
			UUID evaluationId = rs.getObject("evaluation_id", UUID.class);
			if (!evaluationId.equals(this.gatewayEvaluation)) {
				this.gatewayFindings = render(rs, "gateway_findings", "gateway_details");
				this.gatewayEvaluation = evaluationId;
			}
			List<RenderedFinding> own = render(rs, "findings", "details");
			String tenant = rs.getString("name");
			String displayName = rs.getString("display_name");
			String gateway = rs.getString("gateway_name");
			Instant evaluatedAt = rs.getTimestamp("evaluated_at").toInstant();
			try {
				for (List<RenderedFinding> findings : List.of(this.gatewayFindings, own)) {
					for (RenderedFinding f : findings) {
						this.sink.accept(new FindingRow(tenant, displayName, gateway, f.scope(), f.domain(), f.ruleId(),
								f.severity(), f.outcome(), f.message(), f.remediation(), evaluationId, evaluatedAt));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private List<RenderedFinding> render(ResultSet rs, String findingsColumn, String detailsColumn)
				throws SQLException {
			List<StoredFinding> findings = JSON.readValue(rs.getString(findingsColumn), FINDINGS);
			Map<Integer, Message> details = this.details ? JSON.readValue(rs.getString(detailsColumn), DETAILS)
					: Map.of();
			return FindingRows.this.texts.render(findings, details, this.locale);
		}

	}

}
