package ch.mspguard.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.tenant.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of each gateway's configuration: one per import, pull or edit that changed
 * it, numbered from 1 per gateway. Any two can be compared with {@link SnapshotDiff}.
 */
@Component
public class ConfigurationVersions {

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * How many comparisons are kept: a few people comparing a few pairs. A comparison of
	 * two versions of 20,000 domains that all changed is a few megabytes.
	 */
	static final int KEPT_DIFFS = 16;

	private final RecentDiffs diffs = new RecentDiffs();

	ConfigurationVersions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One stored version, without its configuration.
	 *
	 * @param version its number, from 1
	 * @param createdAt when it was stored
	 * @param actor who made the change
	 * @param source how: {@code edit}, {@code api}, {@code upload},
	 * {@code seppmail-pull}, …
	 * @param origin where the data came from (file names, an endpoint), may be null
	 */
	public record Version(int version, Instant createdAt, String actor, String source, String origin) {
	}

	/**
	 * Stores a new version; the caller holds the gateway's lock.
	 * @return its number
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int record(UUID gatewayId, GatewaySnapshot snapshot, String source, String origin) {
		int version = this.jdbc
			.sql("SELECT coalesce(max(version), 0) + 1 FROM configuration_version WHERE gateway_id = ?")
			.param(gatewayId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO configuration_version (gateway_id, version, created_at, actor, source, origin, snapshot, state)
					VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
			.params(gatewayId, version, Timestamp.from(this.clock.instant()),
					Actor.current().map(Actor::name).orElse("system"), source, origin, SnapshotJson.write(snapshot),
					SerializedForm.write(snapshot))
			.update();
		return version;
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<Version> list(UUID gatewayId) {
		return this.jdbc.sql("""
				SELECT version, created_at, actor, source, origin FROM configuration_version
				WHERE gateway_id = ? ORDER BY version DESC""")
			.param(gatewayId)
			.query((rs, row) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The configuration as the version stored it. */
	@Transactional(readOnly = true)
	public Optional<GatewaySnapshot> snapshot(UUID gatewayId, int version) {
		return this.jdbc.sql("SELECT state FROM configuration_version WHERE gateway_id = ? AND version = ?")
			.params(gatewayId, version)
			.query(byte[].class)
			.optional()
			.map((bytes) -> SerializedForm.read(bytes, GatewaySnapshot.class, "A configuration version"));
	}

	/**
	 * What changed from one version to another (either order). Versions never change, so
	 * the comparisons asked for last are kept in memory; whether both versions still
	 * exist (and may be read by the caller, row-level security decides) is asked every
	 * time.
	 * @return empty when either version does not exist
	 */
	@Transactional(readOnly = true)
	public Optional<SnapshotDiff> diff(UUID gatewayId, int from, int to) {
		int existing = this.jdbc
			.sql("SELECT count(*) FROM configuration_version WHERE gateway_id = ? AND version IN (?, ?)")
			.params(gatewayId, from, to)
			.query(Integer.class)
			.single();
		if (existing < ((from == to) ? 1 : 2)) {
			return Optional.empty();
		}
		DiffKey key = new DiffKey(gatewayId, from, to);
		SnapshotDiff known = this.diffs.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<GatewaySnapshot> before = snapshot(gatewayId, from);
		Optional<GatewaySnapshot> after = snapshot(gatewayId, to);
		if (before.isEmpty() || after.isEmpty()) {
			return Optional.empty();
		}
		SnapshotDiff diff = SnapshotDiff.between(before.get(), after.get());
		this.diffs.put(key, diff);
		return Optional.of(diff);
	}

	private record DiffKey(UUID gatewayId, int from, int to) {
	}

	/** The comparisons asked for last, at most {@link #KEPT_DIFFS}. */
	private static final class RecentDiffs {

		private final Map<DiffKey, SnapshotDiff> entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<DiffKey, SnapshotDiff> eldest) {
				return size() > KEPT_DIFFS;
			}

		};

		synchronized SnapshotDiff get(DiffKey key) {
			return this.entries.get(key);
		}

		synchronized void put(DiffKey key, SnapshotDiff diff) {
			this.entries.put(key, diff);
		}

	}

	/**
	 * Removes versions stored before the limit, except each gateway's newest, at most
	 * {@code batch} of them.
	 * @return how many were removed
	 */
	@Transactional
	public int prune(Instant before, int batch) {
		return this.jdbc
			.sql("""
					DELETE FROM configuration_version v
					WHERE (v.gateway_id, v.version) IN (
					    SELECT o.gateway_id, o.version FROM configuration_version o
					    WHERE o.created_at < ?
					      AND o.version < (SELECT max(n.version) FROM configuration_version n WHERE n.gateway_id = o.gateway_id)
					    LIMIT ?)""")
			.params(Timestamp.from(before), batch)
			.update();
	}

}
