package ch.mspguard.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that, at the start of every transaction, switch with
 * {@code SET LOCAL ROLE} to the database role of the acting user's kind and, for a tenant
 * admin, set {@code app.tenant_id} for row-level security ({@code app.username} too, so
 * that a user may change their own account's second factor). Both end with the
 * transaction, so nothing survives in the pool. Work outside a transaction runs as the
 * bare login role, which may read almost nothing: a forgotten transaction fails closed.
 */
class ActingRoleDataSource extends DelegatingDataSource {

	static final Map<Role, String> DATABASE_ROLES = Map.of(Role.OPERATOR, "hardening_operator", Role.AUDITOR,
			"hardening_auditor", Role.TENANT_ADMIN, "hardening_tenant_admin", Role.SYSTEM, "hardening_system");

	ActingRoleDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(super.getConnection(username, password));
	}

	private static Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(ActingRoleDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new TransactionStartHandler(connection));
	}

	static void switchRole(Connection connection, Optional<Actor> actor) throws SQLException {
		if (actor.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('role', ?, true), set_config('app.tenant_id', ?, true), "
					+ "set_config('app.username', ?, true)")) {
			statement.setString(1, DATABASE_ROLES.get(actor.get().role()));
			statement.setString(2, (actor.get().tenantId() != null) ? actor.get().tenantId().toString() : "");
			statement.setString(3, actor.get().name());
			statement.execute();
		}
	}

	private static final class TransactionStartHandler implements InvocationHandler {

		private final Connection target;

		private TransactionStartHandler(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("unwrap") && args[0] == Connection.class) {
				return proxy;
			}
			if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
				SqlStatements.counted();
			}
			try {
				Object result = method.invoke(this.target, args);
				if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
					switchRole(this.target, Actor.current());
				}
				return result;
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
