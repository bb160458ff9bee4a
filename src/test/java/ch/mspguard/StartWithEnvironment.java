package ch.mspguard;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Starts the application in the test's JVM as {@code java -jar} would with exactly the
 * given environment variables: the JVM's own environment is left out, so nothing but what
 * a test names (and Spring Boot's defaults) configures the start.
 */
public final class StartWithEnvironment {

	private StartWithEnvironment() {
	}

	/**
	 * @param variables the process environment, e.g. {@code SPRING_DATASOURCE_URL}
	 * @param arguments command line arguments, e.g. {@code --server.port=0}
	 */
	public static ConfigurableApplicationContext run(Map<String, String> variables, String... arguments) {
		SpringApplication application = new SpringApplication(HardeningApplication.class);
		application.setRegisterShutdownHook(false);
		application.setEnvironment(new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources sources) {
				super.customizePropertySources(sources);
				sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
						SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
			}
		});
		return application.run(arguments);
	}

}
