/**
 * API tokens for scripts and tools: created once with scopes, an optional tenant, an
 * expiry and an allowed network, stored only as a hash, and accepted as
 * {@code Authorization:
 * Bearer} on the API.
 */
@ApplicationModule(displayName = "API tokens")
package ch.mspguard.token;

import org.springframework.modulith.ApplicationModule;
