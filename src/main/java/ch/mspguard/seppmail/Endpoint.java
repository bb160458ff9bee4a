package ch.mspguard.seppmail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.ValidationError;

/**
 * A gateway's appliance endpoint as pages show it: everything but the token and the
 * secret, which are only ever known to be stored.
 *
 * @param gatewayId the gateway
 * @param gatewayName its name
 * @param baseUrl such as {@code https://host:8445/v1}, null when none is set up
 * @param caCertificate PEM of the pinned certificate(s), or null for the default trust
 * @param schedule background pulls
 * @param autoApply whether a scheduled pull applies its changes without a preview
 * @param lastPull what the last pull did, null before the first
 * @param version the row's version
 */
public record Endpoint(UUID gatewayId, String gatewayName, String baseUrl, String caCertificate, Schedule schedule,
		boolean autoApply, PullStatus lastPull, long version) {

	public boolean isConfigured() {
		return this.baseUrl != null;
	}

	public String scheduleValue() {
		return this.schedule.value();
	}

	/**
	 * @param at when
	 * @param outcome {@code UNCHANGED}, {@code PREVIEWED}, {@code CHANGES_WAITING},
	 * {@code APPLIED} or {@code FAILED}
	 * @param messageKey the message saying more
	 * @param args its arguments
	 * @param warnings informational values the pull could not record, with JSON pointers
	 * (the first {@link EndpointStore#WARNINGS_KEPT})
	 */
	public record PullStatus(Instant at, String outcome, String messageKey, List<Object> args,
			List<ValidationError> warnings) {

		public PullStatus {
			warnings = List.copyOf(warnings);
		}

		public Object[] arguments() {
			return this.args.toArray();
		}

	}

}
