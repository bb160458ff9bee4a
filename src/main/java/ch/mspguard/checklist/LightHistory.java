package ch.mspguard.checklist;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the light history: a tenant's light changes with their causes, since when its
 * findings fail, and its lights per day; the lights of all tenants per day for the
 * overview's trend. Row-level security keeps a tenant admin to their own tenant; callers
 * check visibility first, as for the current evaluation.
 */
@Service
public class LightHistory {

	private static final TypeReference<List<Cause>> CAUSES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> SINCE = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	LightHistory(JdbcClient jdbc, JdbcTemplate cursor) {
		this.jdbc = jdbc;
		this.cursor = cursor;
	}

	/**
	 * A light change with its tenant, for exports.
	 *
	 * @param tenantId the tenant
	 * @param tenant its name
	 * @param displayName its display name
	 * @param gateway its gateway's name
	 * @param change the change
	 */
	public record TenantChange(UUID tenantId, String tenant, String displayName, String gateway, Change change) {
	}

	/**
	 * Streams the light changes in {@code [from, to)} of one tenant ({@code tenantId} not
	 * null) or of every tenant the reader sees, by gateway, tenant and time, through a
	 * cursor: memory stays constant however long the history. Runs in the caller's
	 * transaction (a cursor needs one).
	 */
	public void stream(UUID tenantId, Instant from, Instant to, int fetchSize, Consumer<TenantChange> sink) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (tenantId != null) {
			params.add(tenantId);
		}
		String sql = """
				SELECT t.id, t.name, t.display_name, g.name, lc.changed_at, lc.before, lc.after, lc.causes::text
				FROM light_change lc
				JOIN tenant t ON t.id = lc.tenant_id
				JOIN gateway g ON g.id = t.gateway_id
				WHERE lc.changed_at >= ? AND lc.changed_at < ? %s
				ORDER BY g.name, t.name, lc.changed_at, lc.id""".formatted((tenantId != null) ? "AND t.id = ?" : "");
		this.cursor.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setFetchSize(fetchSize);
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			return statement;
		}, (ResultSet rs) -> {
			sink.accept(new TenantChange(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					new Change(rs.getTimestamp(5).toInstant(), light(rs.getString(6)), light(rs.getString(7)),
							EvaluationStore.JSON.readValue(rs.getString(8), CAUSES))));
		});
	}

	private static Light light(String value) {
		return (value != null) ? Light.valueOf(value) : null;
	}

	/**
	 * One change of a tenant's light.
	 *
	 * @param at when
	 * @param before the light before, or {@code null} at the tenant's first evaluation
	 * @param after the light after
	 * @param causes why
	 */
	public record Change(Instant at, Light before, Light after, List<Cause> causes) {

		public boolean worsened() {
			return this.before != null && this.after.compareTo(this.before) > 0;
		}

	}

	/** The lights of all tenants on one day. */
	public record DayCounts(LocalDate day, int red, int yellow, int green) {

		public int total() {
			return this.red + this.yellow + this.green;
		}

	}

	/** The tenant's latest light change: what its light has been since when, and why. */
	@Transactional(readOnly = true)
	public Optional<Change> latest(UUID tenantId) {
		return this.jdbc.sql("""
				SELECT changed_at, before, after, causes::text FROM light_change
				WHERE tenant_id = ? ORDER BY changed_at DESC, id DESC LIMIT 1""")
			.param(tenantId)
			.query(LightHistory::change)
			.optional();
	}

	/**
	 * The tenant's light changes in {@code [from, to)}, newest first, at most
	 * {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Change> changes(UUID tenantId, Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				SELECT changed_at, before, after, causes::text FROM light_change
				WHERE tenant_id = ? AND changed_at >= ? AND changed_at < ?
				ORDER BY changed_at DESC, id DESC LIMIT ?""")
			.params(tenantId, Timestamp.from(from), Timestamp.from(to), limit)
			.query(LightHistory::change)
			.list();
	}

	private static Change change(ResultSet rs, int row) throws java.sql.SQLException {
		return new Change(rs.getTimestamp(1).toInstant(), light(rs.getString(2)), Light.valueOf(rs.getString(3)),
				EvaluationStore.JSON.readValue(rs.getString(4), CAUSES));
	}

	/**
	 * Since when each of the tenant's failing findings fails without a break, by
	 * {@code RULE|domain} (domain empty for gateway and tenant findings).
	 */
	@Transactional(readOnly = true)
	public Map<String, Instant> failingSince(UUID tenantId) {
		Map<String, Instant> since = new HashMap<>();
		this.jdbc.sql("""
				SELECT x.failing_since::text FROM tenant t
				JOIN current_evaluation c ON c.gateway_id = t.gateway_id
				JOIN tenant_evaluation x ON x.evaluation_id = c.evaluation_id AND x.tenant_id = t.id
				WHERE t.id = ?""")
			.param(tenantId)
			.query(String.class)
			.optional()
			.ifPresent((json) -> EvaluationStore.JSON.readValue(json, SINCE)
				.forEach((key, at) -> since.put(key, Instant.parse(at))));
		return since;
	}

	/** The key of a finding in {@link #failingSince(UUID)}. */
	public static String findingKey(String ruleId, String domain) {
		return ruleId + "|" + ((domain != null) ? domain : "");
	}

	/**
	 * The tenant's light on each day of {@code [from, to]}; a day without an evaluation
	 * keeps the light of the day before, a day before the first evaluation is null.
	 */
	@Transactional(readOnly = true)
	public List<Light> days(UUID tenantId, LocalDate from, LocalDate to) {
		return sparklines(List.of(tenantId), from, to).getOrDefault(tenantId, List.of());
	}

	/** {@link #days} for several tenants in one statement. */
	@Transactional(readOnly = true)
	public Map<UUID, List<Light>> sparklines(Collection<UUID> tenantIds, LocalDate from, LocalDate to) {
		// One statement also for an empty page: the number of statements per page stays
		// the same whatever the page shows.
		Map<UUID, TreeMap<LocalDate, Light>> known = new LinkedHashMap<>();
		tenantIds.forEach((id) -> known.put(id, new TreeMap<>()));
		this.jdbc.sql("""
				SELECT d.tenant_id, d.day, d.light FROM tenant_day d
				WHERE d.tenant_id = ANY (?) AND d.day BETWEEN ? AND ?
				UNION ALL
				SELECT t.id, b.day, b.light FROM unnest(?) AS t(id)
				CROSS JOIN LATERAL (SELECT day, light FROM tenant_day WHERE tenant_id = t.id AND day < ?
				                    ORDER BY day DESC LIMIT 1) b""")
			.params(tenantIds.toArray(UUID[]::new), Date.valueOf(from), Date.valueOf(to),
					tenantIds.toArray(UUID[]::new), Date.valueOf(from))
			.query((rs) -> {
				known.get(rs.getObject(1, UUID.class)).put(rs.getDate(2).toLocalDate(), Light.valueOf(rs.getString(3)));
			});
		Map<UUID, List<Light>> lines = new LinkedHashMap<>();
		known.forEach((id, days) -> {
			List<Light> line = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				Map.Entry<LocalDate, Light> last = days.floorEntry(day);
				line.add((last != null) ? last.getValue() : null);
			}
			lines.put(id, line);
		});
		return lines;
	}

	/**
	 * The tenants per light on each day of {@code [from, to]}, over all gateways the
	 * reader sees; a gateway without an evaluation on a day counts as on the day before.
	 */
	@Transactional(readOnly = true)
	public List<DayCounts> trend(LocalDate from, LocalDate to) {
		Map<UUID, TreeMap<LocalDate, int[]>> gateways = new HashMap<>();
		this.jdbc.sql("""
				SELECT d.gateway_id, d.day, d.red_tenants, d.yellow_tenants, d.green_tenants FROM gateway_day d
				WHERE d.day BETWEEN ? AND ?
				UNION ALL
				SELECT b.gateway_id, b.day, b.red_tenants, b.yellow_tenants, b.green_tenants
				FROM (SELECT DISTINCT ON (gateway_id) * FROM gateway_day WHERE day < ?
				      ORDER BY gateway_id, day DESC) b""")
			.params(Date.valueOf(from), Date.valueOf(to), Date.valueOf(from))
			.query((rs) -> {
				gateways.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new TreeMap<>())
					.put(rs.getDate(2).toLocalDate(), new int[] { rs.getInt(3), rs.getInt(4), rs.getInt(5) });
			});
		List<DayCounts> trend = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Map<Light, Integer> counts = new EnumMap<>(Light.class);
			for (TreeMap<LocalDate, int[]> days : gateways.values()) {
				Map.Entry<LocalDate, int[]> last = days.floorEntry(day);
				if (last != null) {
					counts.merge(Light.RED, last.getValue()[0], Integer::sum);
					counts.merge(Light.YELLOW, last.getValue()[1], Integer::sum);
					counts.merge(Light.GREEN, last.getValue()[2], Integer::sum);
				}
			}
			trend.add(new DayCounts(day, counts.getOrDefault(Light.RED, 0), counts.getOrDefault(Light.YELLOW, 0),
					counts.getOrDefault(Light.GREEN, 0)));
		}
		return trend;
	}

}
