package ch.mspguard.user;

import java.util.regex.Pattern;

/**
 * What a login form's name field may be before anything is looked up, hashed, throttled
 * or written to the audit log (issue 18): the characters and length that account names
 * have ({@code app_user.username}). Anything else cannot be an account: it is refused
 * without a database lookup, and the throttle and the audit log see a bounded, marked
 * form of it instead of megabytes of whatever was sent.
 */
final class LoginNames {

	static final int MAX_LENGTH = 100;

	private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

	private static final int SHOWN = 40;

	private LoginNames() {
	}

	static boolean isPossibleAccount(String name) {
		return name != null && ACCOUNT_NAME.matcher(name).matches();
	}

	/**
	 * The name itself when it can be an account; otherwise a marked form of at most about
	 * 90 characters: its length and its first characters, anything but letters, digits
	 * and {@code ._@-} shown as {@code ?}. Failures with such names still count for the
	 * throttle (under this form and the client's address).
	 */
	static String bounded(String name) {
		if (isPossibleAccount(name)) {
			return name;
		}
		if (name == null) {
			return "[invalid login name: none]";
		}
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < Math.min(name.length(), SHOWN); i++) {
			char c = name.charAt(i);
			shown.append((c < 128 && (Character.isLetterOrDigit(c) || "._@-".indexOf(c) >= 0)) ? c : '?');
		}
		return "[invalid login name: " + name.length() + " characters: " + shown + ((name.length() > SHOWN) ? "…" : "")
				+ "]";
	}

}
