package ch.mspguard.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders events in the recipient's language: the same texts for e-mail (plain and HTML),
 * chat and the generic webhook's {@code text}. Groups events by tenant (gateway events by
 * gateway), in the order they happened.
 */
@Component
class MessageRenderer {

	private final MessageSource messages;

	private final ITemplateEngine templates;

	MessageRenderer(MessageSource messages, ITemplateEngine templates) {
		this.messages = messages;
		this.templates = templates;
	}

	RenderedMessage render(List<OutboxEvent> events, boolean digest, String language) {
		Locale locale = Locale.forLanguageTag(language);
		Map<String, List<RenderedMessage.Item>> groups = new LinkedHashMap<>();
		for (OutboxEvent event : events) {
			groups.computeIfAbsent(heading(event, locale), (key) -> new ArrayList<>()).add(item(event, locale));
		}
		List<RenderedMessage.Group> rendered = groups.entrySet()
			.stream()
			.map((entry) -> new RenderedMessage.Group(entry.getKey(), entry.getValue()))
			.toList();
		return new RenderedMessage(subject(events, digest, rendered, locale), rendered,
				text("notification.footer", locale));
	}

	/** The HTML part of an e-mail, escaped by the template engine. */
	String html(RenderedMessage message, String language) {
		Context context = new Context(Locale.forLanguageTag(language));
		context.setVariable("message", message);
		return this.templates.process("notifications/mail", context);
	}

	private String subject(List<OutboxEvent> events, boolean digest, List<RenderedMessage.Group> groups,
			Locale locale) {
		if (digest) {
			return text("notification.subject.digest", locale, events.size(), groups.size());
		}
		OutboxEvent event = events.get(0);
		if (event.type() == EventType.TEST) {
			return text("notification.subject.test", locale);
		}
		return text("notification.subject.single", locale, text("notification.severity." + event.severity(), locale),
				groups.get(0).heading(), groups.get(0).items().get(0).text());
	}

	private String heading(OutboxEvent event, Locale locale) {
		if (event.type() == EventType.TEST) {
			return text("notification.heading.test", locale);
		}
		if (event.tenantName() != null) {
			return text("notification.heading.tenant", locale, event.tenantName(), name(event.gatewayName()));
		}
		return text("notification.heading.gateway", locale, name(event.gatewayName()));
	}

	private RenderedMessage.Item item(OutboxEvent event, Locale locale) {
		Map<String, Object> payload = event.payload();
		String key = "notification.event." + event.type();
		return switch (event.type()) {
			case LIGHT_WORSENED, LIGHT_IMPROVED -> new RenderedMessage.Item(
					text(key, locale, light(payload.get("before"), locale), light(payload.get("after"), locale)),
					causes(payload, locale));
			case FINDING_FAILED -> new RenderedMessage.Item((payload.get("domain") != null)
					? text(key + ".domain", locale, rule(payload.get("rule"), locale), payload.get("domain"))
					: text(key, locale, rule(payload.get("rule"), locale)), List.of());
			case PULL_FAILED, PULL_CHANGES_WAITING ->
				new RenderedMessage.Item(text(key, locale, pullStatus(payload, locale)), List.of());
			case IMPORT_APPLIED -> new RenderedMessage.Item(
					text(key, locale, payload.get("source"), payload.get("addedTenants"), payload.get("removedTenants"),
							payload.get("changedTenants"), payload.get("changedDomains")),
					List.of());
			case EXCEPTION_REQUESTED, EXCEPTION_APPROVED, EXCEPTION_REJECTED, EXCEPTION_EXPIRING, EXCEPTION_LAPSED,
					EXCEPTION_NEEDS_REVIEW ->
				new RenderedMessage.Item(text(key, locale, exceptionSubject(payload, locale), payload.get("domain"),
						payload.get("by"), payload.get("expiresOn"), name(payload.get("reviewReason"))), List.of());
			case GATEWAY_STALE -> new RenderedMessage.Item((payload.get("confirmedAt") != null)
					? text(key, locale, payload.get("confirmedAt"), source(payload.get("confirmedBy"), locale))
					: text(key + ".never", locale), List.of());
			case TEST -> new RenderedMessage.Item(text(key, locale), List.of());
		};
	}

	/** The rule with its title, and the domain if the exception is for one. */
	private String exceptionSubject(Map<String, Object> payload, Locale locale) {
		String rule = rule(payload.get("rule"), locale).strip();
		return (payload.get("domain") != null) ? rule + " – " + payload.get("domain") : rule;
	}

	private String source(Object confirmedBy, Locale locale) {
		String by = name(confirmedBy);
		return this.messages.getMessage("imports.source." + by, null, by, locale);
	}

	@SuppressWarnings("unchecked")
	private List<String> causes(Map<String, Object> payload, Locale locale) {
		Object causes = payload.get("causes");
		if (!(causes instanceof List<?> list)) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (Object cause : list) {
			Map<String, Object> map = (Map<String, Object>) cause;
			lines.add(text("notification.cause." + map.get("kind"), locale, name(map.get("subject")),
					name(map.get("field")), name(map.get("before")), name(map.get("after"))));
		}
		return lines;
	}

	private String pullStatus(Map<String, Object> payload, Locale locale) {
		String key = Objects.toString(payload.get("messageKey"), "");
		Object args = payload.get("args");
		Object[] arguments = (args instanceof List<?> list) ? list.toArray() : new Object[0];
		return this.messages.getMessage(key, arguments, key, locale);
	}

	private String light(Object light, Locale locale) {
		return this.messages.getMessage("light." + light, null, String.valueOf(light), locale);
	}

	private String rule(Object ruleId, Locale locale) {
		String id = String.valueOf(ruleId);
		return id + " " + this.messages.getMessage("rule." + id + ".title", null, "", locale);
	}

	private static String name(Object value) {
		return (value != null) ? value.toString() : "–";
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
