package ch.mspguard.report;

import java.util.Map;

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

	static final String TENANT_PDF = "EXPORT_TENANT_PDF";

	static final String SUMMARY_PDF = "EXPORT_SUMMARY_PDF";

	static final String TENANT_CSV = "EXPORT_TENANT_CSV";

	static final String FINDINGS_CSV = "EXPORT_FINDINGS_CSV";

	static final String AUDIT_CSV = "EXPORT_AUDIT_CSV";

	private final AuditLog log;

	private final TransactionTemplate transactions;

	ExportAudit(AuditLog log, PlatformTransactionManager transactionManager) {
		this.log = log;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void record(String action, String target, Map<String, ?> details) {
		this.transactions.executeWithoutResult((status) -> this.log.record(action, target, details));
	}

}
