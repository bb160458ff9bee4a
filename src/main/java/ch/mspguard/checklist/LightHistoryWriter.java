package ch.mspguard.checklist;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import ch.mspguard.gateway.WrittenGateway;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the light history while an evaluation is stored: what the gateway's tenants were
 * before, since when each failing finding fails, each light change with its causes, and
 * the day's summary per tenant and per gateway.
 */
@Component
class LightHistoryWriter {

	private static final TypeReference<Map<String, String>> SINCE = new TypeReference<>() {
	};

	private static final int[] CHANGE_TYPES = { Types.OTHER, Types.OTHER, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR,
			Types.BOOLEAN, Types.VARCHAR };

	private static final int[] DAY_TYPES = { Types.OTHER, Types.DATE, Types.OTHER, Types.VARCHAR, Types.INTEGER,
			Types.INTEGER, Types.INTEGER };

	private final JdbcTemplate jdbc;

	LightHistoryWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The gateway's current evaluation as far as history needs it.
	 *
	 * @param lights each tenant's light
	 * @param failingSince per tenant, per failing finding, since when
	 * @param catalogueVersion the catalogue it was evaluated with, or null
	 * @param referenceVersion the reference data it was evaluated with, or null
	 */
	record Previous(Map<UUID, Light> lights, Map<UUID, Map<String, String>> failingSince, Integer catalogueVersion,
			String referenceVersion) {

		static final Previous NONE = new Previous(Map.of(), Map.of(), null, null);

	}

	@Transactional(propagation = Propagation.MANDATORY)
	Previous previous(UUID gatewayId) {
		Map<UUID, Light> lights = new HashMap<>();
		Map<UUID, Map<String, String>> since = new HashMap<>();
		Object[] versions = new Object[2];
		this.jdbc.query("""
				SELECT te.tenant_id, te.light, te.failing_since::text, e.catalogue_version, e.reference_version
				FROM current_evaluation c
				JOIN evaluation e ON e.id = c.evaluation_id
				JOIN tenant_evaluation te ON te.evaluation_id = e.id
				WHERE c.gateway_id = ?""", (rs) -> {
			UUID tenant = rs.getObject(1, UUID.class);
			lights.put(tenant, Light.valueOf(rs.getString(2)));
			since.put(tenant, EvaluationStore.JSON.readValue(rs.getString(3), SINCE));
			versions[0] = rs.getInt(4);
			versions[1] = rs.getString(5);
		}, gatewayId);
		if (lights.isEmpty()) {
			return Previous.NONE;
		}
		return new Previous(lights, since, (Integer) versions[0], (String) versions[1]);
	}

	/** The finding's key in {@code failing_since}. */
	static String key(Finding finding) {
		return finding.ruleId() + "|" + Objects.requireNonNullElse(finding.domain(), "");
	}

	/** Since when each of the tenant's failing findings fails: carried over, or now. */
	static Map<String, String> failingSince(Map<String, String> before, List<Finding> findings, Instant at) {
		Map<String, String> since = new LinkedHashMap<>();
		String now = at.toString();
		for (Finding finding : findings) {
			if (finding.outcome() == Outcome.FAIL) {
				String key = key(finding);
				since.put(key, (before != null) ? before.getOrDefault(key, now) : now);
			}
		}
		return since;
	}

	/**
	 * Records the light changes and the day's summaries of a stored evaluation.
	 * @return the tenants whose light changed or whose findings started failing
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<LightsChanged.TenantChange> record(WrittenGateway gateway, GatewayResult result, Coverage coverage,
			Previous previous, Map<UUID, Map<String, String>> failingSince, TenantCauses causes, Instant at) {
		List<LightsChanged.TenantChange> changes = new ArrayList<>();
		List<Object[]> changeRows = new ArrayList<>();
		List<Object[]> dayRows = new ArrayList<>();
		Date day = Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
		for (TenantResult tenant : result.tenants().values()) {
			UUID tenantId = gateway.tenantIds().get(tenant.tenant());
			Light before = previous.lights().get(tenantId);
			Light after = coverage.light(tenant);
			Map<String, Integer> counts = new HashMap<>();
			tenant.counts().forEach((outcome, count) -> counts.put(outcome.name(), count));
			dayRows.add(new Object[] { tenantId, day, gateway.id(), after.name(), counts.get("FAIL"),
					counts.get("WARN"), counts.get("UNKNOWN") });
			List<LightsChanged.NewFailure> newFailures = newFailures(previous.failingSince().get(tenantId),
					failingSince.get(tenantId), before != null);
			if (before == after && newFailures.isEmpty()) {
				continue;
			}
			List<Cause> tenantCauses = causes.of(tenantId, tenant.tenant());
			changes.add(new LightsChanged.TenantChange(tenantId, tenant.tenant(), before, after, tenantCauses,
					newFailures));
			if (before != after) {
				changeRows.add(new Object[] { tenantId, gateway.id(), Timestamp.from(at),
						(before != null) ? before.name() : null, after.name(),
						before != null && after.compareTo(before) > 0,
						EvaluationStore.JSON.writeValueAsString(tenantCauses) });
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO light_change (tenant_id, gateway_id, changed_at, before, after, worsened, causes)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""", changeRows, CHANGE_TYPES);
		this.jdbc.batchUpdate("""
				INSERT INTO tenant_day (tenant_id, day, gateway_id, light, fail_count, warn_count, unknown_count)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (tenant_id, day) DO UPDATE SET gateway_id = excluded.gateway_id, light = excluded.light,
				    fail_count = excluded.fail_count, warn_count = excluded.warn_count,
				    unknown_count = excluded.unknown_count""", dayRows, DAY_TYPES);
		Map<Light, Long> lights = result.tenants()
			.values()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(coverage::light, java.util.stream.Collectors.counting()));
		this.jdbc.update("""
				INSERT INTO gateway_day (gateway_id, day, red_tenants, yellow_tenants, green_tenants)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (gateway_id, day) DO UPDATE SET red_tenants = excluded.red_tenants,
				    yellow_tenants = excluded.yellow_tenants, green_tenants = excluded.green_tenants""", gateway.id(),
				day, lights.getOrDefault(Light.RED, 0L), lights.getOrDefault(Light.YELLOW, 0L),
				lights.getOrDefault(Light.GREEN, 0L));
		return changes;
	}

	private static List<LightsChanged.NewFailure> newFailures(Map<String, String> before, Map<String, String> now,
			boolean evaluatedBefore) {
		if (!evaluatedBefore || now == null) {
			return List.of();
		}
		List<LightsChanged.NewFailure> failures = new ArrayList<>();
		for (String key : now.keySet()) {
			if (before == null || !before.containsKey(key)) {
				int bar = key.indexOf('|');
				String domain = key.substring(bar + 1);
				failures.add(new LightsChanged.NewFailure(key.substring(0, bar), domain.isEmpty() ? null : domain));
			}
		}
		return failures;
	}

}
