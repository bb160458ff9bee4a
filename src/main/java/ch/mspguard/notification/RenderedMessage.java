package ch.mspguard.notification;

import java.util.List;

/**
 * A message in the recipient's language, before it takes a channel's format: a subject
 * and groups (one per tenant or gateway) of items, each with its details (the causes).
 *
 * @param subject the subject line
 * @param groups the groups
 * @param footer the closing line
 */
public record RenderedMessage(String subject, List<Group> groups, String footer) {

	public record Group(String heading, List<Item> items) {
	}

	public record Item(String text, List<String> details) {
	}

	/** The plain-text form (the e-mail's text part, chat messages). */
	String plain() {
		StringBuilder text = new StringBuilder(this.subject).append("\n\n");
		for (Group group : this.groups) {
			text.append(group.heading()).append('\n');
			for (Item item : group.items()) {
				text.append("- ").append(item.text()).append('\n');
				item.details().forEach((detail) -> text.append("    ").append(detail).append('\n'));
			}
			text.append('\n');
		}
		return text.append("-- \n").append(this.footer).append('\n').toString();
	}

}
