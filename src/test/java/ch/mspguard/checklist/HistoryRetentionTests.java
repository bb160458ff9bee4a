package ch.mspguard.checklist;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static ch.mspguard.checklist.HistoryDocuments.domain;
import static ch.mspguard.checklist.HistoryDocuments.greenAcme;
import static ch.mspguard.checklist.HistoryDocuments.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention with a movable clock: full evaluations and versions older than the full
 * retention go (the current ones stay), a day's flaps are folded into one change that
 * keeps every cause, summaries go after the summary retention, and the audit log stays.
 */
@IntegrationTest
class HistoryRetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase database;

	@Autowired
	MovableClock clock;

	@Autowired
	HistoryRetention retention;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void oldEvaluationsBecomeDailySummariesAndKeepTheirCauses() throws Exception {
		ObjectNode document = greenAcme();
		this.clock.advance(Duration.ofDays(1000));
		UUID acme = tenantId(importSnapshot(document), "acme");
		UUID gateway = gatewayId(acme);
		// One day with flaps: green → red → green → red.
		for (String level : List.of("may", "secure", "may")) {
			domain(document, "acme", "acme-shop.example").put("tlsLevel", level);
			importSnapshot(document);
		}
		assertThat(count("SELECT count(*) FROM light_change WHERE tenant_id = ? AND before IS NOT NULL", acme))
			.isEqualTo(3);
		long audit = auditEntries();

		this.clock.advance(Duration.ofDays(100));
		domain(document, "acme", "acme-shop.example").put("forwardingHost", "mx.acme.example");
		importSnapshot(document);
		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gateway)).isEqualTo(5);
		String comparison = "/api/gateways/" + gateway + "/versions/1/diff/5";
		this.mvc.perform(get(comparison).with(this.users.operator())).andExpect(status().isOk());

		SystemActor.run("test", this.retention::prune);
		// a pruned version is gone, also from the comparisons kept in memory
		this.mvc.perform(get(comparison).with(this.users.operator())).andExpect(status().isNotFound());

		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gateway)).as("only the current")
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM configuration_version WHERE gateway_id = ?", gateway))
			.as("only the newest version")
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM light_change WHERE tenant_id = ?", acme))
			.as("the day's first evaluation and flaps folded into one")
			.isEqualTo(1);
		String folded = this.database.query((jdbc) -> jdbc.sql(
				"SELECT coalesce(before, 'NONE') || '→' || after || ' ' || causes::text FROM light_change WHERE tenant_id = ?")
			.param(acme)
			.query(String.class)
			.single());
		assertThat(folded).startsWith("NONE→RED").contains("\"after\": \"may\"").contains("\"after\": \"secure\"");
		assertThat(count("SELECT count(*) FROM tenant_day WHERE tenant_id = ?", acme)).isEqualTo(2);
		assertThat(auditEntries()).as("the audit log is never pruned").isGreaterThanOrEqualTo(audit);

		this.clock.advance(Duration.ofDays(800));
		SystemActor.run("test", this.retention::prune);
		assertThat(count("SELECT count(*) FROM light_change WHERE tenant_id = ?", acme)).isZero();
		assertThat(count("SELECT count(*) FROM tenant_day WHERE tenant_id = ?", acme)).isZero();
		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gateway)).isEqualTo(1);
		assertThat(auditEntries()).isGreaterThanOrEqualTo(audit);
	}

	@Test
	void pruningALargeHistoryRunsInBatchesWhileImportsGoOn() throws Exception {
		ObjectNode document = greenAcme();
		UUID acme = tenantId(importSnapshot(document), "acme");
		UUID gateway = gatewayId(acme);
		// 1,500 old evaluations of this gateway, 200 days back.
		this.database.query((jdbc) -> jdbc
			.sql("""
					WITH copies AS (
					    INSERT INTO evaluation (id, gateway_id, evaluated_at, catalogue_version, trigger, triggered_by, light,
					                            findings, details, red_tenants, yellow_tenants, green_tenants,
					                            failing_rule_tenants, reference_version)
					    SELECT gen_random_uuid(), e.gateway_id, e.evaluated_at - make_interval(days => 200, mins => n),
					           e.catalogue_version, e.trigger, e.triggered_by, e.light, e.findings, e.details, e.red_tenants,
					           e.yellow_tenants, e.green_tenants, e.failing_rule_tenants, e.reference_version
					    FROM current_evaluation c JOIN evaluation e ON e.id = c.evaluation_id, generate_series(1, 1500) n
					    WHERE c.gateway_id = ?
					    RETURNING id)
					INSERT INTO tenant_evaluation (evaluation_id, tenant_id, light, fail_count, warn_count, unknown_count,
					       pass_count, not_applicable_count, worst_rule, failing_rules, attention_rules, findings, details)
					SELECT copies.id, te.tenant_id, te.light, te.fail_count, te.warn_count, te.unknown_count, te.pass_count,
					       te.not_applicable_count, te.worst_rule, te.failing_rules, te.attention_rules, te.findings, te.details
					FROM copies, current_evaluation c JOIN tenant_evaluation te ON te.evaluation_id = c.evaluation_id
					WHERE c.gateway_id = ?""")
			.params(gateway, gateway)
			.update());
		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gateway)).isEqualTo(1501);

		CompletableFuture<HistoryRetention.Pruned> pruning = CompletableFuture
			.supplyAsync(() -> SystemActor.call("test", this.retention::prune));
		domain(document, "acme", "acme-shop.example").put("tlsLevel", "may");
		importSnapshot(document);
		HistoryRetention.Pruned pruned = pruning.get(2, TimeUnit.MINUTES);

		assertThat(pruned.evaluations()).isGreaterThanOrEqualTo(1500);
		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gateway)).isEqualTo(2);
		assertThat(history(acme)).isEqualTo("RED");
	}

	private String history(UUID tenant) {
		return this.database.query((jdbc) -> jdbc
			.sql("SELECT after FROM light_change WHERE tenant_id = ? ORDER BY changed_at DESC, id DESC LIMIT 1")
			.param(tenant)
			.query(String.class)
			.single());
	}

	/** The audit log is the operators' to read; the system role may only append to it. */
	private long auditEntries() {
		org.springframework.security.core.context.SecurityContext context = org.springframework.security.core.context.SecurityContextHolder
			.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(TestUsers.OPERATOR, null,
					List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
							ch.mspguard.tenant.Role.OPERATOR.authority()))));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return this.transactions
				.execute((tx) -> this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	private long count(String sql, Object... parameters) {
		return this.database.count(sql, parameters);
	}

	private JsonNode importSnapshot(ObjectNode document) throws Exception {
		return HistoryDocuments.importSnapshot(this.mvc, this.users, document);
	}

	private UUID gatewayId(UUID tenant) {
		return HistoryDocuments.gatewayId(this.database, tenant);
	}

}
