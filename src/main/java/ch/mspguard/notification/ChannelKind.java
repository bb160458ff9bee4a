package ch.mspguard.notification;

/** How a channel delivers: by e-mail or to a webhook in one of three formats. */
public enum ChannelKind {

	/** SMTP e-mail with a plain-text and an HTML part. */
	EMAIL,

	/** The documented generic JSON format, signed with HMAC-SHA256. */
	WEBHOOK,

	/** Microsoft Teams Workflows: an Adaptive Card. */
	TEAMS,

	/** Slack incoming webhook. */
	SLACK;

	boolean isWebhook() {
		return this != EMAIL;
	}

}
