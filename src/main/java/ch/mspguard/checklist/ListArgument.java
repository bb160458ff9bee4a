package ch.mspguard.checklist;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * A list as one message argument, cut after a handful of items: a domain with thousands
 * of allowed sending servers, or a gateway with thousands of uncovered networks, must not
 * make every finding, page and PDF carry all of them (issue 18). The stored argument ends
 * in a language-neutral mark ({@code "a, b, c, d, e, … (+995)"}) that is rendered in the
 * reader's language ("and 995 more", "und 995 weitere") when the finding is shown.
 */
public final class ListArgument {

	/** At most this many items are named. */
	public static final int LIMIT = 5;

	private static final String SEPARATOR = ", ";

	private static final Pattern MORE = Pattern.compile(", \u2026 \\(\\+(\\d{1,10})\\)$");

	private ListArgument() {
	}

	/**
	 * The first {@link #LIMIT} texts joined, with the mark of how many more there are.
	 */
	public static String join(Collection<String> texts) {
		StringBuilder out = new StringBuilder();
		Iterator<String> items = texts.iterator();
		int named = 0;
		while (items.hasNext() && named < LIMIT) {
			out.append((named > 0) ? SEPARATOR : "").append(items.next());
			named++;
		}
		int more = texts.size() - named;
		if (more > 0) {
			out.append(SEPARATOR).append('\u2026').append(" (+").append(more).append(')');
		}
		return out.toString();
	}

	/** The argument with a cut list's mark in the reader's language. */
	static String render(String argument, MessageSource messages, Locale locale) {
		if (argument == null || argument.indexOf('\u2026') < 0) {
			return argument;
		}
		Matcher matcher = MORE.matcher(argument);
		if (!matcher.find()) {
			return argument;
		}
		return argument.substring(0, matcher.start()) + " "
				+ messages.getMessage("finding.list.more", new Object[] { Long.parseLong(matcher.group(1)) }, locale);
	}

}
