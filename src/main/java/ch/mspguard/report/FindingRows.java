package ch.mspguard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.RenderedFinding;
import ch.mspguard.gateway.DataAge;
import ch.mspguard.gateway.DataAges;

import org.springframework.stereotype.Component;

/**
 * Streams the findings of the current evaluations tenant by tenant from the checklist's
 * cursor, in one read-only transaction on the calling thread (which carries the user's
 * database role): memory stays constant however many tenants there are. Each tenant's
 * rows list the gateway findings first, then its own, as the findings API does.
 */
@Component
class FindingRows {

	private final CurrentEvaluations evaluations;

	private final ExportTransactions transactions;

	private final FindingTexts texts;

	private final int fetchSize;

	private final DataAges dataAges;

	FindingRows(CurrentEvaluations evaluations, ExportTransactions transactions, FindingTexts texts,
			ExportProperties properties, DataAges dataAges) {
		this.evaluations = evaluations;
		this.transactions = transactions;
		this.texts = texts;
		this.fetchSize = properties.fetchSize();
		this.dataAges = dataAges;
	}

	interface Sink {

		void accept(FindingRow row) throws IOException;

	}

	/**
	 * Streams the findings of one tenant ({@code tenantId} not null) or of every tenant
	 * the filter selects, by gateway and tenant name.
	 * @throws ExportTimeLimitException when the deadline passes
	 * @throws UncheckedIOException when the sink fails
	 */
	void stream(UUID tenantId, ExportFilter filter, Locale locale, long deadlineNanos, Sink sink) {
		this.transactions.read(() -> {
			// One statement for all gateways, before the cursor opens.
			Renderer renderer = new Renderer(locale, sink, this.dataAges.byGatewayName());
			this.evaluations.findings(filter.tenants(), tenantId, this.fetchSize, (tenant) -> {
				if (System.nanoTime() - deadlineNanos > 0) {
					throw new ExportTimeLimitException();
				}
				renderer.tenant(tenant);
			});
			return null;
		});
	}

	/** Renders one tenant's rows; keeps the last gateway's rendered findings. */
	private final class Renderer {

		private final Locale locale;

		private final Sink sink;

		private UUID gatewayEvaluation;

		private List<RenderedFinding> gatewayFindings = List.of();

		private final Map<String, DataAge> dataAges;

		Renderer(Locale locale, Sink sink, Map<String, DataAge> dataAges) {
			this.locale = locale;
			this.sink = sink;
			this.dataAges = dataAges;
		}

		void tenant(CurrentEvaluations.TenantFindings tenant) {
			if (!tenant.evaluationId().equals(this.gatewayEvaluation)) {
				this.gatewayFindings = FindingRows.this.texts.render(tenant.gatewayFindings(), tenant.gatewayDetails(),
						this.locale);
				this.gatewayEvaluation = tenant.evaluationId();
			}
			List<RenderedFinding> own = FindingRows.this.texts.render(tenant.findings(), tenant.details(), this.locale);
			DataAge age = this.dataAges.getOrDefault(tenant.gatewayName(), FindingRows.this.dataAges.of(null, null));
			try {
				for (List<RenderedFinding> findings : List.of(this.gatewayFindings, own)) {
					for (RenderedFinding f : findings) {
						this.sink.accept(new FindingRow(tenant.tenantName(), tenant.displayName(), tenant.gatewayName(),
								f.scope(), f.domain(), f.ruleId(), f.severity(), f.outcome(), f.message(),
								f.remediation(), tenant.evaluationId(), tenant.evaluatedAt(), age, f.exception()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
