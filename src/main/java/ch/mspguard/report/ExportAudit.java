package ch.mspguard.report;

import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one audit event per export, in a transaction of its own once the export has
 * finished, so that the event knows how many rows went out and whether the file is
 * complete.
 */
@Component
class ExportAudit {

	private final AuditLog log;

	private final TransactionTemplate transactions;

	ExportAudit(AuditLog log, PlatformTransactionManager transactionManager) {
		this.log = log;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void record(AuditAction action, String target, Map<String, ?> details) {
		this.transactions.executeWithoutResult((status) -> this.log.record(action, target, details));
	}

}
