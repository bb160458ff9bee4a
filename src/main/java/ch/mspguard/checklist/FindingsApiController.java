package ch.mspguard.checklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.SnapshotReader;

import ch.mspguard.tenant.TenantNotFoundException;
import jakarta.servlet.http.HttpServletRequest;

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
		return this.evaluations.tenants().stream().map(FindingsApi.TenantSummary::of).toList();
	}

	@GetMapping("/api/tenants/{tenantId}")
	FindingsApi.TenantBody tenant(@PathVariable UUID tenantId, Locale locale) {
		StoredEvaluation e = this.evaluations.tenant(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
		List<FindingsApi.FindingBody> findings = new ArrayList<>();
		findings.addAll(findings(this.texts.render(e.gatewayFindings(), e.gatewayDetails(), locale)));
		findings.addAll(findings(this.texts.render(e.findings(), e.details(), locale)));
		return new FindingsApi.TenantBody(e.tenantId(), e.tenantName(), e.displayName(), e.gatewayName(), e.gatewayId(),
				e.light(), e.counts(), e.worstRule(), e.evaluatedAt(), e.evaluationId(), e.catalogueVersion(),
				findings);
	}

	@GetMapping("/api/gateways")
	List<FindingsApi.GatewaySummary> gateways() {
		return this.evaluations.gateways()
			.stream()
			.map((gateway) -> new FindingsApi.GatewaySummary(gateway.gatewayId(), gateway.gatewayName(),
					gateway.light(), gateway.evaluatedAt()))
			.toList();
	}

	@GetMapping("/api/gateways/{gatewayId}")
	FindingsApi.GatewayBody gateway(@PathVariable UUID gatewayId, Locale locale) {
		StoredGatewayEvaluation gateway = this.evaluations.gateway(gatewayId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new FindingsApi.GatewayBody(gateway.gatewayId(), gateway.gatewayName(), gateway.light(),
				gateway.evaluatedAt(), gateway.evaluationId(), gateway.catalogueVersion(),
				findings(this.texts.render(gateway.findings(), gateway.details(), locale)));
	}

	@PostMapping(path = "/api/snapshots/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
	FindingsApi.DryRunBody dryRun(HttpServletRequest request, Locale locale) throws IOException {
		if (request.getContentLengthLong() > SnapshotReader.MAX_BYTES) {
			throw SnapshotInvalidException.tooLarge(SnapshotReader.MAX_BYTES);
		}
		GatewaySnapshot snapshot = this.reader.read(request.getInputStream());
		GatewayResult result = this.evaluator.dryRun(snapshot);
		FindingsApi.DryRunGateway gateway = new FindingsApi.DryRunGateway(snapshot.gateway().name(), result.light(),
				findings(this.texts.renderFresh(result.gatewayFindings(), true, locale)));
		List<FindingsApi.DryRunTenant> tenants = result.tenants()
			.values()
			.stream()
			.map((tenant) -> new FindingsApi.DryRunTenant(tenant.tenant(), tenant.light(), tenant.counts(),
					findings(this.texts.renderFresh(tenant.allFindings(), true, locale))))
			.toList();
		return new FindingsApi.DryRunBody(gateway, tenants);
	}

	private static List<FindingsApi.FindingBody> findings(List<RenderedFinding> rendered) {
		return rendered.stream().map(FindingsApi.FindingBody::of).toList();
	}

}
