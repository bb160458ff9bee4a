package ch.mspguard.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets background work run on one instance at a time: a PostgreSQL advisory lock, held on
 * a connection of its own for as long as the work runs, and released with it (also when
 * the instance dies, since the connection ends). An instance that finds the lock taken
 * skips its turn; the work itself must leave nothing due that the next turn would repeat.
 */
@Component
public class ClusterLock {

	private final DataSource dataSource;

	ClusterLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the work unless another instance (or thread) runs work of the same name.
	 * @return whether the work ran here
	 */
	public boolean runExclusively(String name, Runnable work) {
		// Outside any transaction: advisory locks need no privilege, so the bare login
		// role suffices, and the lock outlives the work's own transactions.
		try (Connection connection = this.dataSource.getConnection()) {
			if (!call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
				return false;
			}
			try {
				work.run();
				return true;
			}
			finally {
				call(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the lock for " + name, ex);
		}
	}

	private static boolean call(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, "hardening:" + name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
