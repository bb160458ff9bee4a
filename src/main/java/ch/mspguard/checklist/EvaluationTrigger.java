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
	CATALOGUE;

	static EvaluationTrigger of(GatewayConfigurationChanged.How how) {
		return switch (how) {
			case IMPORT -> IMPORT;
			case EDIT -> EDIT;
		};
	}

}
