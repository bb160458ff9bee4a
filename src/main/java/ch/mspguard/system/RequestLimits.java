package ch.mspguard.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the expensive requests, {@code hardening.limits.*} (issue 18).
 *
 * @param expensiveConcurrency how many imports, dry runs, previews, pulls and
 * re-evaluations may run at once; each holds a whole gateway's configuration and findings
 * in memory, so this bounds the heap they can take together
 * @param retryAfter what a refused request's {@code Retry-After} suggests
 */
@ConfigurationProperties("hardening.limits")
public record RequestLimits(@DefaultValue("2") int expensiveConcurrency, @DefaultValue("30s") Duration retryAfter) {

}
