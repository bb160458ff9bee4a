package ch.mspguard.checklist;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the causes of light changes in the reader's language, the same way on pages, in
 * reports and in the API. The gateway's network lists are operator and auditor data: for
 * tenant admins a change of them is named without its values.
 */
@Component
public class CauseTexts {

	private static final Set<String> NETWORK_FIELDS = Set.of("relayingNetworks", "exchangeOnlineRelayingNetworks",
			"manualListEntries", "smtpInboundSources", "adminInboundSources");

	private final MessageSource messages;

	CauseTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param seesNetworks whether the reader may see the gateway's network lists
	 */
	public List<String> render(List<Cause> causes, Locale locale, boolean seesNetworks) {
		return causes.stream().map((cause) -> render(cause, locale, seesNetworks)).toList();
	}

	/**
	 * Why a light changed, one line per cause; a change without recorded causes says so
	 * (or that it was the tenant's first evaluation).
	 */
	public List<String> explain(LightHistory.Change change, Locale locale, boolean seesNetworks) {
		if (!change.causes().isEmpty()) {
			return render(change.causes(), locale, seesNetworks);
		}
		return List.of(text((change.before() == null) ? "cause.first" : "cause.unknown", locale, null));
	}

	/** Changes with their causes rendered, in the same order. */
	public List<RenderedChange> renderChanges(List<LightHistory.Change> changes, Locale locale, boolean seesNetworks) {
		return changes.stream()
			.map((change) -> new RenderedChange(change.at(), change.before(), change.after(), change.worsened(),
					explain(change, locale, seesNetworks)))
			.toList();
	}

	public String render(Cause cause, Locale locale, boolean seesNetworks) {
		String via = text("cause.via." + cause.via(), locale, cause.via());
		return switch (cause.kind()) {
			case CONFIGURATION -> configuration(cause, locale, seesNetworks, via);
			case OTHER_TENANT -> text("cause.otherTenant", locale, null, cause.actor(), via);
			case CATALOGUE -> text("cause.catalogue", locale, null, cause.before(), cause.after());
			case REFERENCE_DATA -> text("cause.referenceData", locale, null, cause.before(), cause.after());
			case EXCEPTION -> text("cause.exception", locale, null, cause.subject(),
					text("cause.exceptionState." + cause.before(), locale, String.valueOf(cause.before())),
					text("cause.exceptionState." + cause.after(), locale, String.valueOf(cause.after())),
					cause.actor());
			case SCHEDULE -> text("cause.schedule", locale, null);
		};
	}

	/**
	 * The cause as the reader may see it: without the values of the gateway's networks.
	 */
	public Cause redact(Cause cause, boolean seesNetworks) {
		if (hidesValues(cause, seesNetworks)) {
			return new Cause(cause.kind(), cause.tenantId(), cause.subject(), cause.field(), null, null, cause.actor(),
					cause.via());
		}
		return cause;
	}

	private static boolean hidesValues(Cause cause, boolean seesNetworks) {
		return cause.kind() == Cause.Kind.CONFIGURATION && cause.tenantId() == null && !seesNetworks
				&& NETWORK_FIELDS.contains(cause.field());
	}

	private String configuration(Cause cause, Locale locale, boolean seesNetworks, String via) {
		if ("domain".equals(cause.field())) {
			return text((cause.before() == null) ? "cause.domainAdded" : "cause.domainRemoved", locale, null,
					cause.subject(), cause.actor(), via);
		}
		String field = text("cause.field." + cause.field(), locale,
				text("field." + cause.field(), locale, cause.field()));
		String what = (cause.subject() != null) ? text("cause.subject", locale, null, cause.subject(), field)
				: text("cause.gatewaySubject", locale, null, field);
		if (hidesValues(cause, seesNetworks)) {
			return text("cause.configuration.hidden", locale, null, what, cause.actor(), via);
		}
		return text("cause.configuration", locale, null, what, value(cause.before(), locale),
				value(cause.after(), locale), cause.actor(), via);
	}

	private String value(String value, Locale locale) {
		return (value != null && !value.isEmpty()) ? value : text("cause.none", locale, "—");
	}

	private String text(String key, Locale locale, String fallback, Object... args) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

}
