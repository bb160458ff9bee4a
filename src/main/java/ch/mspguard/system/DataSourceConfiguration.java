package ch.mspguard.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's data source so that every transaction runs under the acting
 * user's database role. Flyway has a data source of its own and migrates as the owner.
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

}
