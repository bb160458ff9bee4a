package ch.mspguard.checklist;

import java.util.List;

/**
 * A message as stored: a bundle key and its arguments, rendered in the reader's language
 * only when shown.
 *
 * @param key the message bundle key
 * @param args the arguments, already formatted as text
 */
public record Message(String key, List<String> args) {

	public Message {
		args = List.copyOf(args);
	}

	public static Message of(String key, String... args) {
		return new Message(key, List.of(args));
	}

}
