package ch.mspguard.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the audit log: newest first, by text, action and date range, one page at a
 * time or streamed for an export.
 */
@Component
public class AuditQuery {

	private static final RowMapper<AuditEntry> ROW = (rs, row) -> new AuditEntry(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
			rs.getString("target"), rs.getString("details"), rs.getString("source_address"));

	private final JdbcTemplate jdbc;

	/** Its own template with a fetch size, so that streaming reads through a cursor. */
	private final JdbcTemplate streaming;

	AuditQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(500);
	}

	/**
	 * @param text words to find in actor, action, target or details (case-insensitive)
	 * @param action exact action, or null
	 * @param from first day (UTC), or null
	 * @param to last day (UTC), or null
	 */
	public record Filter(String text, String action, LocalDate from, LocalDate to) {
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> page(Filter filter, int limit, int offset) {
		List<Object> params = new ArrayList<>();
		String sql = "SELECT * FROM audit_event" + where(filter, params) + " ORDER BY id DESC LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		return this.jdbc.query(sql, ROW, params.toArray());
	}

	@Transactional(readOnly = true)
	public long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		return this.jdbc.queryForObject("SELECT count(*) FROM audit_event" + where(filter, params), Long.class,
				params.toArray());
	}

	@Transactional(readOnly = true)
	public List<String> actions() {
		return this.jdbc.queryForList("SELECT DISTINCT action FROM audit_event ORDER BY action", String.class);
	}

	/** Every matching entry, newest first, without holding them all in memory. */
	@Transactional(readOnly = true)
	public void stream(Filter filter, Consumer<AuditEntry> consumer) {
		List<Object> params = new ArrayList<>();
		RowCallbackHandler handler = (rs) -> consumer.accept(ROW.mapRow(rs, 0));
		this.streaming.query("SELECT * FROM audit_event" + where(filter, params) + " ORDER BY id DESC", handler,
				params.toArray());
	}

	private static String where(Filter filter, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.text() != null && !filter.text().isBlank()) {
			String pattern = "%"
					+ filter.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			where.append(" AND lower(actor || ' ' || action || ' ' || coalesce(target, '') || ' ' || details::text)"
					+ " LIKE ?");
			params.add(pattern);
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			where.append(" AND action = ?");
			params.add(filter.action());
		}
		if (filter.from() != null) {
			where.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND occurred_at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		return where.toString();
	}

}
