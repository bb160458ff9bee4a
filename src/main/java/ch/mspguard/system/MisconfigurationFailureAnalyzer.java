package ch.mspguard.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Ends a start that failed on a setting with its one-line description and action
 * (registered in {@code META-INF/spring.factories}).
 */
class MisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MisconfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MisconfigurationException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
