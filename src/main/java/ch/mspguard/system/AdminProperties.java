package ch.mspguard.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first operator, created on an empty database outside demo mode
 * ({@code HARDENING_ADMIN_USER}, {@code HARDENING_ADMIN_PASSWORD}).
 *
 * @param user the user name, {@code admin} when not set
 * @param password the password; generated and logged once when not set
 */
@ConfigurationProperties("hardening.admin")
record AdminProperties(String user, String password) {

	AdminProperties {
		user = (user != null && !user.isBlank()) ? user : "admin";
	}

}
