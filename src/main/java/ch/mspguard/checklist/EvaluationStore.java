package ch.mspguard.checklist;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import ch.mspguard.gateway.WrittenGateway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an evaluation: one row for the gateway with its findings and the number of its
 * tenants per light and per failing rule (the overview's summary band), one row per
 * tenant with its light, counts and findings, and makes it the gateway's current
 * evaluation.
 */
@Component
class EvaluationStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final LightHistoryWriter history;

	EvaluationStore(JdbcTemplate jdbc, LightHistoryWriter history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	/**
	 * What was stored.
	 *
	 * @param id the evaluation's id
	 * @param changes the tenants whose light changed or whose findings started failing
	 */
	record Stored(UUID id, List<LightsChanged.TenantChange> changes) {
	}

	/**
	 * @param referenceVersion the version of the reference data the rules read
	 * @param causes why it was evaluated, for the light history
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Stored store(WrittenGateway gateway, GatewayResult result, Coverage coverage, EvaluationTrigger trigger,
			String triggeredBy, Instant at, String referenceVersion, TenantCauses causes) {
		UUID id = UUID.randomUUID();
		LightHistoryWriter.Previous previous = this.history.previous(gateway.id());
		Map<UUID, Map<String, String>> failingSince = new java.util.HashMap<>();
		Map<Light, Integer> lights = new EnumMap<>(Light.class);
		Map<String, Integer> failingRules = new TreeMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (TenantResult tenant : result.tenants().values()) {
			Map<Outcome, Integer> counts = tenant.counts();
			Light light = coverage.light(tenant);
			List<String> failing = tenant.failingRules();
			lights.merge(light, 1, Integer::sum);
			failing.forEach((rule) -> failingRules.merge(rule, 1, Integer::sum));
			UUID tenantId = gateway.tenantIds().get(tenant.tenant());
			Map<String, String> since = LightHistoryWriter.failingSince(previous.failingSince().get(tenantId),
					tenant.allFindings(), at);
			failingSince.put(tenantId, since);
			rows.add(new Object[] { id, tenantId, light.name(), counts.get(Outcome.FAIL), counts.get(Outcome.WARN),
					counts.get(Outcome.UNKNOWN), counts.get(Outcome.PASS), counts.get(Outcome.NOT_APPLICABLE),
					tenant.worstRule().orElse(null), String.join(",", failing),
					String.join(",", tenant.attentionRules()),
					JSON.writeValueAsString(stored(tenant.findings(), gateway, coverage, tenant.tenant())),
					JSON.writeValueAsString(details(tenant.findings())), coverage.count(tenant),
					JSON.writeValueAsString(since) });
		}
		this.jdbc.update("""
				INSERT INTO evaluation (id, gateway_id, evaluated_at, catalogue_version, trigger, triggered_by, light,
				                        findings, details, red_tenants, yellow_tenants, green_tenants,
				                        failing_rule_tenants, reference_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?)""", id, gateway.id(),
				Timestamp.from(at), Catalogue.VERSION, trigger.name(), triggeredBy, result.light().name(),
				JSON.writeValueAsString(stored(result.gatewayFindings(), gateway, Coverage.NONE, null)),
				JSON.writeValueAsString(details(result.gatewayFindings())), lights.getOrDefault(Light.RED, 0),
				lights.getOrDefault(Light.YELLOW, 0), lights.getOrDefault(Light.GREEN, 0),
				JSON.writeValueAsString(failingRules), referenceVersion);
		this.jdbc.batchUpdate("""
				INSERT INTO tenant_evaluation (evaluation_id, tenant_id, light, fail_count, warn_count, unknown_count,
				       pass_count, not_applicable_count, worst_rule, failing_rules, attention_rules, findings, details,
				       covered_count, failing_since)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), ','), '{}'),
				        coalesce(string_to_array(nullif(?, ''), ','), '{}'), ?::jsonb, ?::jsonb, ?, ?::jsonb)""", rows,
				new int[] { Types.OTHER, Types.OTHER, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
						Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
						Types.VARCHAR, Types.INTEGER, Types.VARCHAR });
		List<LightsChanged.TenantChange> changes = this.history.record(gateway, result, coverage, previous,
				failingSince, causes.and(TenantCauses.of(coverage.causes()))
					.and(versionCauses(previous, referenceVersion, triggeredBy, trigger)),
				at);
		this.jdbc.update("""
				INSERT INTO current_evaluation (gateway_id, evaluation_id) VALUES (?, ?)
				ON CONFLICT (gateway_id) DO UPDATE SET evaluation_id = excluded.evaluation_id""", gateway.id(), id);
		return new Stored(id, changes);
	}

	/** A new catalogue or new reference data is a cause for every tenant. */
	private static TenantCauses versionCauses(LightHistoryWriter.Previous previous, String referenceVersion,
			String actor, EvaluationTrigger trigger) {
		List<Cause> causes = new ArrayList<>();
		String via = trigger.name().toLowerCase(java.util.Locale.ROOT);
		if (previous.catalogueVersion() != null && previous.catalogueVersion() != Catalogue.VERSION) {
			causes.add(new Cause(Cause.Kind.CATALOGUE, null, null, null, String.valueOf(previous.catalogueVersion()),
					String.valueOf(Catalogue.VERSION), actor, via));
		}
		if (previous.referenceVersion() != null && !previous.referenceVersion().equals(referenceVersion)) {
			causes.add(new Cause(Cause.Kind.REFERENCE_DATA, null, null, null, previous.referenceVersion(),
					referenceVersion, actor, via));
		}
		return TenantCauses.of(causes);
	}

	private static List<StoredFinding> stored(List<Finding> findings, WrittenGateway gateway, Coverage coverage,
			String tenant) {
		return findings.stream()
			.map((finding) -> StoredFinding.of(finding,
					(finding.domain() != null) ? gateway.domainIds().get(finding.domain()) : null,
					(tenant != null) ? coverage.coveredBy(tenant, finding) : null))
			.toList();
	}

	/** Operator-only messages by the finding's index; most findings have none. */
	private static Map<Integer, Message> details(List<Finding> findings) {
		Map<Integer, Message> details = new LinkedHashMap<>();
		for (int i = 0; i < findings.size(); i++) {
			Message detail = findings.get(i).verdict().detail();
			if (detail != null) {
				details.put(i, detail);
			}
		}
		return details;
	}

}
