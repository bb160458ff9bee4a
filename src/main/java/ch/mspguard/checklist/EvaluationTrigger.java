package ch.mspguard.checklist;

import ch.mspguard.gateway.GatewayConfigurationChanged;

/** What made the checklist evaluate a gateway, as stored with the evaluation. */
public enum EvaluationTrigger {

	/** An import (API, upload or pull) changed the configuration. */
	IMPORT,

	/** An operator edited the configuration. */
	EDIT,

	/** The reference data (Exchange Online ranges) changed. */
	REFERENCE_DATA,

	/** The checklist itself changed. */
	CATALOGUE,

	/** An exception was granted, revoked or lapsed. */
	EXCEPTION,

	/** Scheduled re-evaluation (so that expiries and staleness take effect). */
	SCHEDULE;

	static EvaluationTrigger of(GatewayConfigurationChanged.How how) {
		return switch (how) {
			case IMPORT -> IMPORT;
			case EDIT -> EDIT;
		};
	}

}
