package ch.mspguard.dashboard;

/**
 * A yes / no / not recorded choice in a form: "not recorded" is a value of its own, never
 * a silent "no".
 */
final class Tristate {

	static final String YES = "yes";

	static final String NO = "no";

	private Tristate() {
	}

	static String of(Boolean value) {
		if (value == null) {
			return "";
		}
		return value ? YES : NO;
	}

	static Boolean parse(String value) {
		if (YES.equals(value)) {
			return true;
		}
		if (NO.equals(value)) {
			return false;
		}
		return null;
	}

}
