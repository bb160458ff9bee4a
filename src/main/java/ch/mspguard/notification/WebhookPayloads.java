package ch.mspguard.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The bodies webhooks receive: the generic format (documented by
 * {@code notification-webhook.schema.json}), a Teams Workflows Adaptive Card and a Slack
 * incoming-webhook message.
 */
final class WebhookPayloads {

	/** The generic format's version; raised only for changes a receiver would notice. */
	static final int VERSION = 1;

	private WebhookPayloads() {
	}

	static String forKind(ChannelKind kind, UUID deliveryId, boolean digest, List<OutboxEvent> events,
			RenderedMessage message, Instant now) {
		Map<String, Object> body = switch (kind) {
			case TEAMS -> teams(message);
			case SLACK -> slack(message);
			default -> generic(deliveryId, digest, events, message, now);
		};
		return Outbox.JSON.writeValueAsString(body);
	}

	static Map<String, Object> generic(UUID deliveryId, boolean digest, List<OutboxEvent> events,
			RenderedMessage message, Instant now) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", VERSION);
		if (digest) {
			body.put("id", deliveryId.toString());
			body.put("type", "digest");
			body.put("time", now.toString());
			body.put("text", message.subject());
			body.put("events", events.stream().map(WebhookPayloads::event).toList());
		}
		else {
			body.putAll(event(events.get(0)));
			body.put("text", message.subject());
		}
		return body;
	}

	private static Map<String, Object> event(OutboxEvent event) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", event.id().toString());
		map.put("type", event.type().wireName());
		map.put("time", event.occurredAt().toString());
		map.put("severity", event.severity().name().toLowerCase(Locale.ROOT));
		map.put("gateway", (event.gatewayId() != null) ? ref(event.gatewayId(), event.gatewayName()) : null);
		map.put("tenant", (event.tenantId() != null) ? ref(event.tenantId(), event.tenantName()) : null);
		map.put("data", event.payload());
		return map;
	}

	private static Map<String, Object> ref(UUID id, String name) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", id.toString());
		map.put("name", name);
		return map;
	}

	/** A Workflows "When a Teams webhook request is received" message with one card. */
	static Map<String, Object> teams(RenderedMessage message) {
		List<Map<String, Object>> body = new ArrayList<>();
		body.add(Map.of("type", "TextBlock", "size", "Medium", "weight", "Bolder", "wrap", true, "text",
				message.subject()));
		for (RenderedMessage.Group group : message.groups()) {
			body.add(Map.of("type", "TextBlock", "weight", "Bolder", "wrap", true, "spacing", "Medium", "text",
					group.heading()));
			for (RenderedMessage.Item item : group.items()) {
				body.add(Map.of("type", "TextBlock", "wrap", true, "text", "- " + item.text()));
				item.details()
					.forEach((detail) -> body
						.add(Map.of("type", "TextBlock", "wrap", true, "isSubtle", true, "text", "  " + detail)));
			}
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		Map<String, Object> attachment = new LinkedHashMap<>();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.put("contentUrl", null);
		attachment.put("content", card);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("type", "message");
		envelope.put("attachments", List.of(attachment));
		return envelope;
	}

	/** A Slack incoming-webhook message: a header block and one section per group. */
	static Map<String, Object> slack(RenderedMessage message) {
		List<Map<String, Object>> blocks = new ArrayList<>();
		blocks.add(Map.of("type", "header", "text",
				Map.of("type", "plain_text", "text", limit(message.subject(), 150), "emoji", false)));
		for (RenderedMessage.Group group : message.groups()) {
			StringBuilder text = new StringBuilder("*").append(escape(group.heading())).append("*");
			for (RenderedMessage.Item item : group.items()) {
				text.append("\n• ").append(escape(item.text()));
				item.details().forEach((detail) -> text.append("\n    ").append(escape(detail)));
			}
			blocks
				.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", limit(text.toString(), 3000))));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", message.subject());
		body.put("blocks", blocks.subList(0, Math.min(blocks.size(), 50)));
		return body;
	}

	/** Slack's control characters in text: a name like {@code <!channel>} stays text. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String limit(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
