package ch.mspguard.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.DataAge;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.SnapshotReader;

import ch.mspguard.tenant.TenantNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The findings API: the rule catalogue, tenants and gateways with their lights and
 * findings, and the dry run of a snapshot. Tenant admins see their own tenant and gateway
 * only; any other id answers 404.
 */
@RestController
class FindingsApiController {

	private static final JsonMapper STREAMING = JsonMapper.builder().build();

	private final EvaluationReader evaluations;

	private final FindingTexts texts;

	private final EvaluationService evaluator;

	private final SnapshotReader reader;

	private final DataAges dataAges;

	FindingsApiController(EvaluationReader evaluations, FindingTexts texts, EvaluationService evaluator,
			SnapshotReader reader, DataAges dataAges) {
		this.evaluations = evaluations;
		this.texts = texts;
		this.evaluator = evaluator;
		this.reader = reader;
		this.dataAges = dataAges;
	}

	@GetMapping("/api/rules")
	List<FindingsApi.RuleBody> rules(Locale locale) {
		return Catalogue.rules()
			.stream()
			.map((rule) -> new FindingsApi.RuleBody(rule.id(), Catalogue.VERSION, rule.scope(), rule.severity(),
					rule.source(), this.texts.title(rule, locale), this.texts.rationale(rule, locale),
					this.texts.remediation(rule, locale)))
			.toList();
	}

	@GetMapping("/api/tenants")
	List<FindingsApi.TenantSummary> tenants() {
		Map<UUID, DataAge> ages = this.dataAges.byGatewayId();
		return this.evaluations.tenants()
			.stream()
			.map((tenant) -> FindingsApi.TenantSummary.of(tenant, age(ages.get(tenant.gatewayId()))))
			.toList();
	}

	@GetMapping("/api/tenants/{tenantId}")
	FindingsApi.TenantBody tenant(@PathVariable UUID tenantId, Locale locale) {
		StoredEvaluation e = this.evaluations.tenant(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
		List<FindingsApi.FindingBody> findings = new ArrayList<>();
		findings.addAll(findings(this.texts.render(e.gatewayFindings(), e.gatewayDetails(), locale)));
		findings.addAll(findings(this.texts.render(e.findings(), e.details(), locale)));
		DataAge age = age(this.dataAges.ofGateway(e.gatewayId()).orElse(null));
		return new FindingsApi.TenantBody(e.tenantId(), e.tenantName(), e.displayName(), e.gatewayName(), e.gatewayId(),
				e.light(), FindingsApi.counts(e.counts(), e.findings()), e.worstRule(), e.evaluatedAt(),
				e.evaluationId(), e.catalogueVersion(), age.stale(), age.confirmedAt(), age.confirmedBy(),
				age.staleSince(), findings);
	}

	@GetMapping("/api/gateways")
	List<FindingsApi.GatewaySummary> gateways() {
		Map<UUID, DataAge> ages = this.dataAges.byGatewayId();
		return this.evaluations.gateways().stream().map((gateway) -> {
			DataAge age = age(ages.get(gateway.gatewayId()));
			return new FindingsApi.GatewaySummary(gateway.gatewayId(), gateway.gatewayName(), gateway.light(),
					gateway.evaluatedAt(), age.stale(), age.confirmedAt(), age.confirmedBy(), age.staleSince());
		}).toList();
	}

	@GetMapping("/api/gateways/{gatewayId}")
	FindingsApi.GatewayBody gateway(@PathVariable UUID gatewayId, Locale locale) {
		StoredGatewayEvaluation gateway = this.evaluations.gateway(gatewayId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		DataAge age = age(this.dataAges.ofGateway(gatewayId).orElse(null));
		return new FindingsApi.GatewayBody(gateway.gatewayId(), gateway.gatewayName(), gateway.light(),
				gateway.evaluatedAt(), gateway.evaluationId(), gateway.catalogueVersion(), age.stale(),
				age.confirmedAt(), age.confirmedBy(), age.staleSince(),
				findings(this.texts.render(gateway.findings(), gateway.details(), locale)));
	}

	/**
	 * The dry run's answer is written as it is rendered, one tenant at a time: rendered
	 * texts of 100,000 domains held together took hundreds of megabytes per request
	 * (issue 18). The evaluation is complete before the first byte is written, so a
	 * failure still gets a proper error answer.
	 */
	@PostMapping(path = "/api/snapshots/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	void dryRun(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		if (request.getContentLengthLong() > SnapshotReader.MAX_BYTES) {
			throw SnapshotInvalidException.tooLarge(SnapshotReader.MAX_BYTES);
		}
		GatewaySnapshot snapshot = this.reader.read(request.getInputStream());
		GatewayResult result = this.evaluator.dryRun(snapshot);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try (JsonGenerator json = STREAMING.createGenerator(response.getOutputStream())) {
			json.writeStartObject();
			json.writeName("gateway");
			json.writeStartObject();
			json.writeStringProperty("name", snapshot.gateway().name());
			json.writePOJOProperty("status", result.light());
			json.writeName("findings");
			writeFindings(json, this.texts.renderFresh(result.gatewayFindings(), true, locale));
			json.writeEndObject();
			json.writeName("tenants");
			json.writeStartArray();
			for (TenantResult tenant : result.tenants().values()) {
				json.writeStartObject();
				json.writeStringProperty("name", tenant.tenant());
				json.writePOJOProperty("status", tenant.light());
				json.writePOJOProperty("counts", tenant.counts());
				json.writeName("findings");
				writeFindings(json, this.texts.renderFresh(tenant.allFindings(), true, locale));
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/** A gateway that vanished between two reads has no data to be stale. */
	private DataAge age(DataAge age) {
		return (age != null) ? age : this.dataAges.of(null, null);
	}

	private static void writeFindings(JsonGenerator json, List<RenderedFinding> rendered) {
		json.writeStartArray();
		for (RenderedFinding finding : rendered) {
			json.writePOJO(FindingsApi.FindingBody.of(finding));
		}
		json.writeEndArray();
	}

	private static List<FindingsApi.FindingBody> findings(List<RenderedFinding> rendered) {
		return rendered.stream().map(FindingsApi.FindingBody::of).toList();
	}

}
