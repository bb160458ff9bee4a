package ch.mspguard.system;

/**
 * Counts the SQL statements the current thread prepares, so that a request can tell how
 * many it issued (see {@link SqlStatementHeader}): the number a page needs must not grow
 * with the number of tenants or domains.
 */
final class SqlStatements {

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	private SqlStatements() {
	}

	static void reset() {
		COUNT.get()[0] = 0;
	}

	static void counted() {
		COUNT.get()[0]++;
	}

	static int count() {
		return COUNT.get()[0];
	}

}
