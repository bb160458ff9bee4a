package ch.mspguard.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last run of each job. Claiming a planned time is what lets a job run once across
 * instances. The only writer of {@code scheduled_job}.
 */
@Component
class JobStore {

	private final JdbcClient jdbc;

	JobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last run of a job as the page shows it. */
	public record LastRun(String jobId, Instant plannedFor, Instant startedAt, Instant finishedAt, String outcome,
			String message, String startedBy) {
	}

	/**
	 * Claims the planned time for this instance.
	 * @return false when another instance claimed it (or a later one) already
	 */
	@Transactional
	boolean claim(String jobId, Instant plannedFor, String startedBy, Instant now) {
		this.jdbc.sql("INSERT INTO scheduled_job (id) VALUES (?) ON CONFLICT (id) DO NOTHING").param(jobId).update();
		return this.jdbc.sql("""
				UPDATE scheduled_job SET last_planned_for = ?, last_started_at = ?, last_finished_at = NULL,
				       last_outcome = 'RUNNING', last_message = NULL, last_started_by = ?
				WHERE id = ? AND (last_planned_for IS NULL OR last_planned_for < ?)""")
			.params(Timestamp.from(plannedFor), Timestamp.from(now), startedBy, jobId, Timestamp.from(plannedFor))
			.update() == 1;
	}

	@Transactional
	void finish(String jobId, boolean succeeded, String message, Instant now) {
		this.jdbc.sql("""
				UPDATE scheduled_job SET last_finished_at = ?, last_outcome = ?, last_message = ? WHERE id = ?""")
			.params(Timestamp.from(now), succeeded ? "SUCCEEDED" : "FAILED",
					(message != null && message.length() > 500) ? message.substring(0, 500) : message, jobId)
			.update();
	}

	@Transactional(readOnly = true)
	Map<String, LastRun> all() {
		return this.jdbc.sql("""
				SELECT id, last_planned_for, last_started_at, last_finished_at, last_outcome, last_message,
				       last_started_by
				FROM scheduled_job""")
			.query((rs, row) -> new LastRun(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list()
			.stream()
			.collect(Collectors.toMap(LastRun::jobId, Function.identity()));
	}

	@Transactional(readOnly = true)
	Optional<LastRun> find(String jobId) {
		return Optional.ofNullable(all().get(jobId));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static String manualKey() {
		return UUID.randomUUID().toString();
	}

}
