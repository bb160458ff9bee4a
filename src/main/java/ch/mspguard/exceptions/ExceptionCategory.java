package ch.mspguard.exceptions;

/** Why a deviation is accepted. */
public enum ExceptionCategory {

	RISK_ACCEPTED, COMPENSATING_CONTROL, FALSE_POSITIVE, FIX_PLANNED

}
