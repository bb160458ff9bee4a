package ch.mspguard.report;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-only transaction an export reads in, on the calling thread (so under the
 * user's database role), with the export time limit as its timeout: every statement of
 * the export is bounded by it.
 */
@Component
class ExportTransactions {

	private final TransactionTemplate transactions;

	ExportTransactions(PlatformTransactionManager transactionManager, ExportProperties properties) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.transactions.setTimeout((int) Math.max(1, properties.timeLimit().toSeconds()));
	}

	<T> T read(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

}
