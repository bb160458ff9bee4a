package ch.mspguard.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wraps the application's data source so that every transaction runs under the acting
 * user's database role. Flyway has a connection of its own and migrates as the owner,
 * after checking that both roles are set up as row-level security needs them.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean
	static BeanPostProcessor actingRoleDataSourceWrapper() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)
						&& !(bean instanceof ActingRoleDataSource)) {
					return new ActingRoleDataSource(dataSource);
				}
				return bean;
			}
		};
	}

	@Bean
	FlywayConnectionDetails flywayConnectionDetails(Environment environment, JdbcConnectionDetails database) {
		return FlywayOwnerConnection.of(environment, database);
	}

	@Bean
	FlywayMigrationStrategy checkedMigration(JdbcConnectionDetails database, FlywayConnectionDetails flyway) {
		return new DatabaseSetupCheck(database, flyway.getUsername());
	}

}
