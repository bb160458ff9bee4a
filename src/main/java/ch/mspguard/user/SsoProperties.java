package ch.mspguard.user;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with OpenID Connect ({@code hardening.sso.*}); the provider itself is
 * configured with Spring Security's {@code spring.security.oauth2.client.*} properties.
 *
 * @param roleClaim the ID token claim whose values the mapping table maps to roles
 * ({@code groups} by default; Entra ID app roles: {@code roles})
 * @param usernameClaim the claim that names the user ({@code preferred_username} by
 * default, else {@code email}, else the subject)
 * @param requireMfaForOperators whether an operator's sign-in must carry the provider's
 * assertion of multi-factor authentication
 * @param mfaAmrValues {@code amr} values that count as multi-factor
 * @param mfaAcrValues {@code acr} values that count as multi-factor
 */
@ConfigurationProperties("hardening.sso")
record SsoProperties(String roleClaim, String usernameClaim, boolean requireMfaForOperators, List<String> mfaAmrValues,
		List<String> mfaAcrValues) {

	SsoProperties {
		roleClaim = (roleClaim != null && !roleClaim.isBlank()) ? roleClaim : "groups";
		usernameClaim = (usernameClaim != null && !usernameClaim.isBlank()) ? usernameClaim : "preferred_username";
		mfaAmrValues = (mfaAmrValues != null) ? List.copyOf(mfaAmrValues)
				: List.of("mfa", "otp", "hwk", "swk", "fido", "sc");
		mfaAcrValues = (mfaAcrValues != null) ? List.copyOf(mfaAcrValues) : List.of();
	}

}
