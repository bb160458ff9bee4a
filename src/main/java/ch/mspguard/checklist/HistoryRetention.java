package ch.mspguard.checklist;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.ConfigurationVersions;
import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the history bounded by tenants × retention, not by the number of imports: full
 * evaluations (all but the current ones) and configuration versions (all but each
 * gateway's newest) go after the full retention; older light changes are folded into one
 * per tenant and day (first light before, last light after, every cause); changes and
 * daily summaries go after the summary retention. Each step works in small transactions,
 * so imports never wait long behind it. The audit log is never pruned.
 */
@Component
@EnableConfigurationProperties(HistoryProperties.class)
public class HistoryRetention implements ScheduledJob {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private static final TypeReference<List<Cause>> CAUSES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ConfigurationVersions versions;

	private final HistoryProperties properties;

	private final Clock clock;

	HistoryRetention(JdbcClient jdbc, PlatformTransactionManager transactionManager, ConfigurationVersions versions,
			HistoryProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.versions = versions;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one pruning removed. */
	public record Pruned(int evaluations, int foldedChanges, int changes, int days, int versions) {
	}

	@Override
	public String id() {
		return "history-pruning";
	}

	@Override
	public String defaultCron() {
		return "0 30 3 * * *";
	}

	/** Run by the job registry: once across instances, as the system. */
	@Override
	public String run(JobRun run) {
		return prune().toString();
	}

	/** Prunes everything that is due now; the caller acts as the system. */
	public Pruned prune() {
		Instant now = this.clock.instant();
		Instant fullLimit = now.minus(this.properties.fullRetention());
		Instant summaryLimit = now.minus(this.properties.summaryRetention());
		int batch = this.properties.pruneBatch();
		long start = System.nanoTime();
		int evaluations = repeat(() -> this.jdbc.sql("""
				DELETE FROM evaluation WHERE id IN (
				    SELECT e.id FROM evaluation e
				    WHERE e.evaluated_at < ?
				      AND NOT EXISTS (SELECT 1 FROM current_evaluation c WHERE c.evaluation_id = e.id)
				    ORDER BY e.evaluated_at LIMIT ?)""").params(Timestamp.from(fullLimit), batch).update());
		int folded = repeat(() -> foldDays(fullLimit, batch * 50));
		int changes = repeat(() -> this.jdbc.sql("""
				DELETE FROM light_change WHERE id IN (
				    SELECT id FROM light_change WHERE changed_at < ? ORDER BY changed_at LIMIT ?)""")
			.params(Timestamp.from(summaryLimit), batch * 50)
			.update());
		Date summaryDay = Date.valueOf(LocalDate.ofInstant(summaryLimit, ZoneOffset.UTC));
		int days = repeat(() -> this.jdbc.sql("""
				DELETE FROM tenant_day WHERE (tenant_id, day) IN (
				    SELECT tenant_id, day FROM tenant_day WHERE day < ? LIMIT ?)""")
			.params(summaryDay, batch * 500)
			.update())
				+ repeat(() -> this.jdbc.sql("""
						DELETE FROM gateway_day WHERE (gateway_id, day) IN (
						    SELECT gateway_id, day FROM gateway_day WHERE day < ? LIMIT ?)""")
					.params(summaryDay, batch * 500)
					.update());
		int removedVersions = repeat(() -> this.versions.prune(fullLimit, batch * 5));
		Pruned pruned = new Pruned(evaluations, folded, changes, days, removedVersions);
		log.info("Pruned history in {} ms: {}", (System.nanoTime() - start) / 1_000_000, pruned);
		return pruned;
	}

	/** Runs a batch in a transaction of its own until one removes nothing. */
	private int repeat(java.util.function.IntSupplier batch) {
		int total = 0;
		while (true) {
			Integer removed = this.transactions.execute((tx) -> batch.getAsInt());
			if (removed == null || removed == 0) {
				return total;
			}
			total += removed;
		}
	}

	/**
	 * Folds the changes of up to {@code limit} tenant days before the limit that have
	 * more than one into one.
	 * @return how many rows were removed by folding
	 */
	private int foldDays(Instant limit, int maxDays) {
		record Day(UUID tenant, LocalDate day) {
		}
		List<Day> days = this.jdbc.sql("""
				SELECT tenant_id, (changed_at AT TIME ZONE 'UTC')::date FROM light_change WHERE changed_at < ?
				GROUP BY 1, 2 HAVING count(*) > 1 LIMIT ?""")
			.params(Timestamp.from(limit), maxDays)
			.query((rs, row) -> new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()))
			.list();
		int removed = 0;
		for (Day day : days) {
			removed += fold(day.tenant(), day.day());
		}
		return removed;
	}

	private int fold(UUID tenant, LocalDate day) {
		Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		record Row(long id, UUID gateway, String before, String after, String causes) {
		}
		List<Row> rows = this.jdbc.sql("""
				SELECT id, gateway_id, before, after, causes::text FROM light_change
				WHERE tenant_id = ? AND changed_at >= ? AND changed_at < ? ORDER BY changed_at, id FOR UPDATE""")
			.params(tenant, Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		if (rows.size() < 2) {
			return 0;
		}
		LinkedHashSet<Cause> causes = new LinkedHashSet<>();
		rows.forEach((row) -> causes.addAll(EvaluationStore.JSON.readValue(row.causes(), CAUSES)));
		Row first = rows.get(0);
		Row last = rows.get(rows.size() - 1);
		List<Long> ids = new ArrayList<>(rows.stream().map(Row::id).toList());
		// The folded change keeps the last one's time: "red since" stays what it was.
		this.jdbc
			.sql("""
					UPDATE light_change SET before = ?::text, worsened = (?::text IS NOT NULL AND
					    array_position(ARRAY['GREEN', 'YELLOW', 'RED'], after) > array_position(ARRAY['GREEN', 'YELLOW', 'RED'], ?::text)),
					    causes = ?::jsonb
					WHERE id = ?""")
			.params(first.before(), first.before(), first.before(), EvaluationStore.JSON.writeValueAsString(causes),
					last.id())
			.update();
		ids.remove(Long.valueOf(last.id()));
		return this.jdbc.sql("DELETE FROM light_change WHERE id = ANY (?)").param(ids.toArray(Long[]::new)).update();
	}

}
