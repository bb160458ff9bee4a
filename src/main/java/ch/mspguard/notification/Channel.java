package ch.mspguard.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as pages show it: never its webhook URL or secret.
 *
 * @param id the id
 * @param name the operator's name for it
 * @param kind how it delivers
 * @param email the recipient of an e-mail channel, else null
 * @param language the language of its messages
 * @param lastSuccessAt when a message last went through
 * @param lastFailureAt when a delivery last failed
 * @param lastFailure what the failure was (no remote body)
 */
public record Channel(UUID id, String name, ChannelKind kind, String email, String language, Instant lastSuccessAt,
		Instant lastFailureAt, String lastFailure) {

	/** Failed last time it was tried. */
	public boolean failing() {
		return this.lastFailureAt != null
				&& (this.lastSuccessAt == null || this.lastFailureAt.isAfter(this.lastSuccessAt));
	}

}
