package ch.mspguard.notification;

/**
 * A validated channel to create.
 *
 * @param name its name
 * @param kind how it delivers
 * @param email the recipient (e-mail)
 * @param url the webhook URL (webhooks)
 * @param secret the signing secret (generic webhook)
 * @param language the language of its messages
 */
record NewChannel(String name, ChannelKind kind, String email, String url, String secret, String language) {

	@Override
	public String toString() {
		return "NewChannel[" + this.name + ", " + this.kind + "]";
	}

}
