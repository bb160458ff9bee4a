package ch.mspguard;

import java.util.function.Function;

import ch.mspguard.tenant.SystemActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct reads of the database for assertions, in a transaction of the system role (the
 * bare application role may read almost nothing).
 */
@Component
public class TestDatabase {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	TestDatabase(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public <T> T query(Function<JdbcClient, T> query) {
		return SystemActor.call("test", () -> this.transactions.execute((tx) -> query.apply(this.jdbc)));
	}

	public long count(String sql, Object... parameters) {
		return query((jdbc) -> jdbc.sql(sql).params(parameters).query(Long.class).single());
	}

}
