package ch.mspguard.dashboard;

import java.util.List;

import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.TenantSort;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.GatewayDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's data, read in one transaction: one role switch, one snapshot.
 */
@Component
class OverviewQuery {

	private final CurrentEvaluations evaluations;

	private final GatewayDirectory gateways;

	private final DataAges dataAges;

	OverviewQuery(CurrentEvaluations evaluations, GatewayDirectory gateways, DataAges dataAges) {
		this.evaluations = evaluations;
		this.gateways = gateways;
		this.dataAges = dataAges;
	}

	/** What the overview shows. */
	record View(CurrentEvaluations.Page page, CurrentEvaluations.Summary summary,
			List<GatewayDirectory.GatewayRef> gateways) {
	}

	@Transactional(readOnly = true)
	View view(OverviewFilter filter) {
		CurrentEvaluations.Page page = this.evaluations.page(filter.tenants(this.dataAges.staleCutoff()),
				TenantSort.valueOf(filter.sort().name()), filter.desc(), filter.offset(), filter.size());
		return new View(page, this.evaluations.summary(), this.gateways.gateways());
	}

}
