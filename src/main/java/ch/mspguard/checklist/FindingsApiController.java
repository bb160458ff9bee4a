package ch.mspguard.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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

	FindingsApiController(EvaluationReader evaluations, FindingTexts texts, EvaluationService evaluator,
			SnapshotReader reader) {
		this.evaluations = evaluations;
		this.texts = texts;
		this.evaluator = evaluator;
		this.reader = reader;
	}

	@GetMapping("/api/rules")
	List<Map<String, Object>> rules(Locale locale) {
		return Catalogue.rules().stream().map((rule) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", rule.id());
			body.put("version", Catalogue.VERSION);
			body.put("scope", rule.scope());
			body.put("severity", rule.severity());
			body.put("source", rule.source());
			body.put("title", this.texts.title(rule, locale));
			body.put("rationale", this.texts.rationale(rule, locale));
			body.put("remediation", this.texts.remediation(rule, locale));
			return body;
		}).toList();
	}

	@GetMapping("/api/tenants")
	List<Map<String, Object>> tenants() {
		return this.evaluations.tenants().stream().map(FindingsApiController::summary).toList();
	}

	@GetMapping("/api/tenants/{tenantId}")
	Map<String, Object> tenant(@PathVariable UUID tenantId, Locale locale) {
		StoredEvaluation evaluation = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId));
		Map<String, Object> body = summary(evaluation);
		body.put("evaluationId", evaluation.evaluationId());
		body.put("catalogueVersion", evaluation.catalogueVersion());
		List<Map<String, Object>> findings = new ArrayList<>();
		findings(this.texts.render(evaluation.gatewayFindings(), evaluation.gatewayDetails(), locale), findings);
		findings(this.texts.render(evaluation.findings(), evaluation.details(), locale), findings);
		body.put("findings", findings);
		return body;
	}

	@GetMapping("/api/gateways")
	List<Map<String, Object>> gateways() {
		return this.evaluations.gateways().stream().map((gateway) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", gateway.gatewayId());
			body.put("name", gateway.gatewayName());
			body.put("status", gateway.light());
			body.put("evaluatedAt", gateway.evaluatedAt());
			return body;
		}).toList();
	}

	@GetMapping("/api/gateways/{gatewayId}")
	Map<String, Object> gateway(@PathVariable UUID gatewayId, Locale locale) {
		StoredGatewayEvaluation gateway = this.evaluations.gateway(gatewayId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", gateway.gatewayId());
		body.put("name", gateway.gatewayName());
		body.put("status", gateway.light());
		body.put("evaluatedAt", gateway.evaluatedAt());
		body.put("evaluationId", gateway.evaluationId());
		body.put("catalogueVersion", gateway.catalogueVersion());
		List<Map<String, Object>> findings = new ArrayList<>();
		findings(this.texts.render(gateway.findings(), gateway.details(), locale), findings);
		body.put("findings", findings);
		return body;
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

	private static void writeFindings(JsonGenerator json, List<RenderedFinding> rendered) {
		json.writeStartArray();
		for (Map<String, Object> finding : findings(rendered)) {
			json.writePOJO(finding);
		}
		json.writeEndArray();
	}

	private static List<Map<String, Object>> findings(List<RenderedFinding> rendered) {
		List<Map<String, Object>> into = new ArrayList<>(rendered.size());
		findings(rendered, into);
		return into;
	}

	private static Map<String, Object> summary(StoredEvaluation evaluation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", evaluation.tenantId());
		body.put("name", evaluation.tenantName());
		body.put("displayName", evaluation.displayName());
		body.put("gateway", evaluation.gatewayName());
		body.put("gatewayId", evaluation.gatewayId());
		body.put("status", evaluation.light());
		body.put("counts", evaluation.counts());
		body.put("worstRule", evaluation.worstRule());
		body.put("evaluatedAt", evaluation.evaluatedAt());
		return body;
	}

	private static void findings(List<RenderedFinding> rendered, List<Map<String, Object>> into) {
		for (RenderedFinding finding : rendered) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("ruleId", finding.ruleId());
			body.put("scope", finding.scope());
			body.put("domain", finding.domain());
			body.put("outcome", finding.outcome());
			body.put("message", finding.message());
			body.put("remediation", finding.remediation());
			into.add(body);
		}
	}

}
