package ch.mspguard.notification;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.validation.BindingResult;

/**
 * The form for a subscription: an operator's to a channel, or a tenant admin's own to
 * their e-mail address. Never carries a tenant id for a tenant admin: that comes from the
 * login.
 */
class SubscriptionForm {

	private String channelId = "";

	private String email = "";

	private String language = "en";

	private List<String> eventTypes = new ArrayList<>();

	private List<String> gatewayIds = new ArrayList<>();

	private List<String> tenantIds = new ArrayList<>();

	private String minSeverity = "INFO";

	private String mode = "immediate";

	private String digestTime = "07:00";

	private String digestZone = "Europe/Zurich";

	/** An operator's subscription to one of the channels, or null with the problems. */
	Subscription toOperatorSubscription(String owner, List<Channel> channels, Set<UUID> gateways, Set<UUID> tenants,
			BindingResult errors) {
		UUID channel = parseId(this.channelId);
		if (channel == null || channels.stream().noneMatch((c) -> c.id().equals(channel))) {
			errors.rejectValue("channelId", "notification.error.channel");
		}
		Set<UUID> chosenGateways = new LinkedHashSet<>();
		for (String id : this.gatewayIds) {
			UUID gateway = parseId(id);
			if (gateway == null || !gateways.contains(gateway)) {
				errors.rejectValue("gatewayIds", "notification.error.gateway");
				break;
			}
			chosenGateways.add(gateway);
		}
		Set<UUID> chosenTenants = new LinkedHashSet<>();
		for (String id : this.tenantIds) {
			UUID tenant = parseId(id);
			if (tenant == null || !tenants.contains(tenant)) {
				errors.rejectValue("tenantIds", "notification.error.tenant");
				break;
			}
			chosenTenants.add(tenant);
		}
		return common(errors, EnumSet.copyOf(List.of(EventType.subscribable())),
				(types, severity, time, zone) -> new Subscription(null, owner, null, channel, null, "en", types,
						chosenGateways, Set.of(), severity, time != null, time, zone, null));
	}

	/** A tenant admin's own subscription for their tenant's events, or null. */
	Subscription toTenantSubscription(String owner, UUID tenantId, BindingResult errors) {
		if (!ChannelForm.validEmail(this.email)) {
			errors.rejectValue("email", "notification.error.email");
		}
		if (!this.language.equals("en") && !this.language.equals("de")) {
			errors.rejectValue("language", "notification.error.language");
		}
		Set<EventType> tenantTypes = EnumSet.noneOf(EventType.class);
		for (EventType type : EventType.subscribable()) {
			if (type.aboutTenant()) {
				tenantTypes.add(type);
			}
		}
		return common(errors, tenantTypes,
				(types, severity, time, zone) -> new Subscription(null, owner, tenantId, null, this.email.strip(),
						this.language, types, Set.of(), Set.of(), severity, time != null, time, zone, null));
	}

	private interface Builder {

		Subscription build(Set<EventType> types, NotificationSeverity severity, LocalTime time, ZoneId zone);

	}

	private Subscription common(BindingResult errors, Set<EventType> allowed, Builder builder) {
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		for (String name : this.eventTypes) {
			EventType type = EventType.of(name).filter(allowed::contains).orElse(null);
			if (type == null) {
				errors.rejectValue("eventTypes", "notification.error.eventType");
				break;
			}
			types.add(type);
		}
		if (this.eventTypes.isEmpty()) {
			errors.rejectValue("eventTypes", "notification.error.noEventType");
		}
		NotificationSeverity severity = null;
		try {
			severity = NotificationSeverity.valueOf(this.minSeverity);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			errors.rejectValue("minSeverity", "notification.error.severity");
		}
		LocalTime time = null;
		ZoneId zone = null;
		if ("digest".equals(this.mode)) {
			try {
				time = LocalTime.parse(this.digestTime.strip());
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue("digestTime", "notification.error.digestTime");
			}
			try {
				zone = ZoneId.of(this.digestZone.strip());
			}
			catch (DateTimeException ex) {
				errors.rejectValue("digestZone", "notification.error.digestZone");
			}
		}
		else if (!"immediate".equals(this.mode)) {
			errors.rejectValue("mode", "notification.error.mode");
		}
		return errors.hasErrors() ? null : builder.build(types, severity, time, zone);
	}

	private static UUID parseId(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	public String getChannelId() {
		return this.channelId;
	}

	public void setChannelId(String channelId) {
		this.channelId = (channelId != null) ? channelId : "";
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email : "";
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = (language != null) ? language : "";
	}

	public List<String> getEventTypes() {
		return this.eventTypes;
	}

	public void setEventTypes(List<String> eventTypes) {
		this.eventTypes = (eventTypes != null) ? eventTypes : new ArrayList<>();
	}

	public List<String> getGatewayIds() {
		return this.gatewayIds;
	}

	public void setGatewayIds(List<String> gatewayIds) {
		this.gatewayIds = (gatewayIds != null) ? gatewayIds : new ArrayList<>();
	}

	public List<String> getTenantIds() {
		return this.tenantIds;
	}

	public void setTenantIds(List<String> tenantIds) {
		this.tenantIds = (tenantIds != null) ? tenantIds : new ArrayList<>();
	}

	public String getMinSeverity() {
		return this.minSeverity;
	}

	public void setMinSeverity(String minSeverity) {
		this.minSeverity = (minSeverity != null) ? minSeverity : "";
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(String mode) {
		this.mode = (mode != null) ? mode : "";
	}

	public String getDigestTime() {
		return this.digestTime;
	}

	public void setDigestTime(String digestTime) {
		this.digestTime = (digestTime != null) ? digestTime : "";
	}

	public String getDigestZone() {
		return this.digestZone;
	}

	public void setDigestZone(String digestZone) {
		this.digestZone = (digestZone != null) ? digestZone : "";
	}

}
