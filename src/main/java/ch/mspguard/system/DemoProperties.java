package ch.mspguard.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode: demo gateways from a directory of snapshot documents, and demo users.
 *
 * @param enabled whether demo mode is on (profile {@code demo})
 * @param directory where the demo snapshots lie
 */
@ConfigurationProperties("hardening.demo")
record DemoProperties(boolean enabled, String directory) {

	DemoProperties {
		directory = (directory != null) ? directory : "db/demo";
	}

}
