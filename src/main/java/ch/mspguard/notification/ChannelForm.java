package ch.mspguard.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.validation.BindingResult;

/**
 * The form that adds a channel. URL and secret are write-only: the page never shows them
 * again.
 */
class ChannelForm {

	static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

	static final int MIN_SECRET = 16;

	private String name = "";

	private String kind = "EMAIL";

	private String email = "";

	private String url = "";

	private String secret = "";

	private String language = "en";

	/** The channel, or null with the problems recorded at their fields. */
	NewChannel toChannel(BindingResult errors, ChannelStore channels) {
		String trimmed = this.name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			errors.rejectValue("name", "notification.error.name");
		}
		else if (channels.nameTaken(trimmed)) {
			errors.rejectValue("name", "notification.error.nameTaken");
		}
		ChannelKind channelKind = kind();
		if (channelKind == null) {
			errors.rejectValue("kind", "notification.error.kind");
		}
		if (!this.language.equals("en") && !this.language.equals("de")) {
			errors.rejectValue("language", "notification.error.language");
		}
		if (channelKind == ChannelKind.EMAIL && !validEmail(this.email)) {
			errors.rejectValue("email", "notification.error.email");
		}
		if (channelKind != null && channelKind.isWebhook()) {
			checkUrl(errors);
			if (channelKind == ChannelKind.WEBHOOK && this.secret.strip().length() < MIN_SECRET) {
				errors.rejectValue("secret", "notification.error.secret", new Object[] { MIN_SECRET }, null);
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		boolean webhook = channelKind.isWebhook();
		return new NewChannel(trimmed, channelKind, webhook ? null : this.email.strip(),
				webhook ? this.url.strip() : null, (channelKind == ChannelKind.WEBHOOK) ? this.secret.strip() : null,
				this.language);
	}

	static boolean validEmail(String address) {
		return address != null && address.strip().length() <= 320 && EMAIL.matcher(address.strip()).matches();
	}

	private void checkUrl(BindingResult errors) {
		String text = this.url.strip();
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (text.length() > 2000 || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
					|| uri.getUserInfo() != null) {
				errors.rejectValue("url", "notification.error.url");
			}
		}
		catch (URISyntaxException ex) {
			errors.rejectValue("url", "notification.error.url");
		}
	}

	private ChannelKind kind() {
		try {
			return ChannelKind.valueOf(this.kind);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name : "";
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = (kind != null) ? kind : "";
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email : "";
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = (url != null) ? url : "";
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = (secret != null) ? secret : "";
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = (language != null) ? language : "";
	}

}
