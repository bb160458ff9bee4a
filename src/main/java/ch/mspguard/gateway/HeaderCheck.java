package ch.mspguard.gateway;

import java.io.Serializable;

/**
 * SEPPmail's header check of a managed domain ("Mails from this domain must have a header
 * … with the following value"). The value is a shared secret, so only its length and a
 * keyed hash are kept; the value itself never leaves the import.
 *
 * @param name the header name
 * @param valueLength the number of characters of the value
 * @param valueHash hex of the keyed hash of the value; {@code null} when the document
 * said {@code <redacted>}, meaning "keep the value stored for this domain"
 */
public record HeaderCheck(String name, int valueLength, String valueHash) implements Serializable {

	public static final String REDACTED = "<redacted>";

	public static HeaderCheck keepStoredValue(String name) {
		return new HeaderCheck(name, 0, null);
	}

	public boolean keepsStoredValue() {
		return this.valueHash == null;
	}

	/** The form in which an export writes it. */
	public String redactedText() {
		return this.name + ":" + REDACTED;
	}

}
