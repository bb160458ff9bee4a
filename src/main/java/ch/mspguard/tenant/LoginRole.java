package ch.mspguard.tenant;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs work that must happen before anyone is known (reading a session, counting a failed
 * login) as the bare login role: in a transaction of its own, with no acting user, so
 * that the connection does not switch to any user's role. The tables of that work are
 * granted to the login role only.
 */
public final class LoginRole {

	private LoginRole() {
	}

	/** Transactions for the given manager that always run as the login role. */
	public static TransactionOperations transactions(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {
			@Override
			public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
				return withoutActor(() -> template.execute(action));
			}
		};
	}

	private static <T> T withoutActor(Supplier<T> work) {
		// The deferred context, not the context: resolving it would read the session,
		// which is what the session store is being asked to do.
		SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
		Supplier<SecurityContext> previous = holder.getDeferredContext();
		holder.clearContext();
		try {
			return work.get();
		}
		finally {
			holder.setDeferredContext(previous);
		}
	}

}
