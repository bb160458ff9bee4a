package ch.mspguard.system;

import ch.mspguard.tenant.LoginRole;

import org.springframework.context.annotation.Bean;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so that any instance behind the
 * proxy serves any user and a stopped instance logs nobody out. A session is read before
 * its user is known, so the session store always works as the login role, never as the
 * role of whoever happens to be acting on the thread.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/** Found by Spring Session under this name; no default candidate for anyone else. */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		return LoginRole.transactions(transactionManager);
	}

	/**
	 * Writes session attributes with PostgreSQL's upsert: two requests of one session
	 * that set the same new attribute at once (the CSRF token of the first pages after a
	 * login) would otherwise both insert it, and one would fail with a duplicate key (a
	 * 500 under load, seen by bench/history).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
