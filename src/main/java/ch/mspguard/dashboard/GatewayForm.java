package ch.mspguard.dashboard;

import java.util.List;

import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.JsonEnum;
import ch.mspguard.gateway.ListAction;
import ch.mspguard.gateway.ManualListEntry;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.Network;

import org.springframework.validation.BindingResult;

/**
 * The gateway settings form. Each list can be "not recorded", which the checklist treats
 * differently from an empty list.
 */
public class GatewayForm {

	private String hostname = "";

	private String hosting = "";

	private String requireTlsEncryption = "";

	private String rejectSpoofedSenderDomain = "";

	private NetworkListField relayingNetworks = new NetworkListField();

	private NetworkListField exchangeOnlineRelayingNetworks = new NetworkListField();

	private NetworkListField manualListEntries = new NetworkListField();

	private NetworkListField smtpInboundSources = new NetworkListField();

	private NetworkListField adminInboundSources = new NetworkListField();

	private long version;

	static GatewayForm of(GatewaySettings settings, long version) {
		GatewayForm form = new GatewayForm();
		form.hostname = (settings.hostname() != null) ? settings.hostname() : "";
		form.hosting = (settings.hosting() != null) ? settings.hosting().jsonValue() : "";
		form.requireTlsEncryption = Tristate.of(settings.requireTlsEncryption());
		form.rejectSpoofedSenderDomain = Tristate.of(settings.rejectSpoofedSenderDomain());
		form.relayingNetworks = NetworkListField.of(settings.relayingNetworks());
		form.exchangeOnlineRelayingNetworks = NetworkListField.of(settings.exchangeOnlineRelayingNetworks());
		form.manualListEntries = NetworkListField.ofEntries(settings.manualListEntries());
		form.smtpInboundSources = NetworkListField.of(settings.smtpInboundSources());
		form.adminInboundSources = NetworkListField.of(settings.adminInboundSources());
		form.version = version;
		return form;
	}

	GatewaySettings toSettings(String name, BindingResult errors) {
		String host = null;
		if (!this.hostname.isBlank()) {
			try {
				host = Names.host(this.hostname.strip());
			}
			catch (InvalidValueException ex) {
				FormErrors.reject(errors, "hostname", ex);
			}
		}
		Hosting where = this.hosting.isBlank() ? null : JsonEnum.fromJson(Hosting.class, this.hosting).orElse(null);
		return new GatewaySettings(name, host, where, Tristate.parse(this.requireTlsEncryption),
				Tristate.parse(this.rejectSpoofedSenderDomain),
				networks(this.relayingNetworks, "relayingNetworks", errors),
				networks(this.exchangeOnlineRelayingNetworks, "exchangeOnlineRelayingNetworks", errors),
				this.manualListEntries.isRecorded() ? Lines.parse(this.manualListEntries.getText(),
						"manualListEntries.text", 10_000, GatewayForm::manualEntry, errors) : null,
				networks(this.smtpInboundSources, "smtpInboundSources", errors),
				networks(this.adminInboundSources, "adminInboundSources", errors));
	}

	private static List<Network> networks(NetworkListField field, String name, BindingResult errors) {
		return field.isRecorded() ? Lines.parse(field.getText(), name + ".text", 10_000, Network::parse, errors) : null;
	}

	/** {@code network accept|reject [comment]} */
	static ManualListEntry manualEntry(String line) {
		String[] parts = line.split("\\s+", 3);
		if (parts.length < 2) {
			throw new InvalidValueException("manualEntry.format");
		}
		ListAction action = JsonEnum.fromJson(ListAction.class, parts[1].toLowerCase(java.util.Locale.ROOT))
			.orElseThrow(() -> new InvalidValueException("manualEntry.format"));
		return new ManualListEntry(Network.parse(parts[0]), action,
				(parts.length > 2) ? Names.text(parts[2], 500) : null);
	}

	/** A list of networks (or manual entries) with its "recorded" switch. */
	public static class NetworkListField {

		private boolean recorded;

		private String text = "";

		static NetworkListField of(List<Network> networks) {
			NetworkListField field = new NetworkListField();
			field.recorded = networks != null;
			field.text = (networks != null) ? Lines.join(networks) : "";
			return field;
		}

		static NetworkListField ofEntries(List<ManualListEntry> entries) {
			NetworkListField field = new NetworkListField();
			field.recorded = entries != null;
			field.text = (entries != null) ? String.join("\n",
					entries.stream()
						.map((e) -> e.network() + " " + e.action().jsonValue()
								+ ((e.comment() != null) ? " " + e.comment() : ""))
						.toList())
					: "";
			return field;
		}

		public boolean isRecorded() {
			return this.recorded;
		}

		public void setRecorded(boolean recorded) {
			this.recorded = recorded;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = (text != null) ? text : "";
		}

	}

	public String getHostname() {
		return this.hostname;
	}

	public void setHostname(String hostname) {
		this.hostname = (hostname != null) ? hostname : "";
	}

	public String getHosting() {
		return this.hosting;
	}

	public void setHosting(String hosting) {
		this.hosting = (hosting != null) ? hosting : "";
	}

	public String getRequireTlsEncryption() {
		return this.requireTlsEncryption;
	}

	public void setRequireTlsEncryption(String value) {
		this.requireTlsEncryption = (value != null) ? value : "";
	}

	public String getRejectSpoofedSenderDomain() {
		return this.rejectSpoofedSenderDomain;
	}

	public void setRejectSpoofedSenderDomain(String value) {
		this.rejectSpoofedSenderDomain = (value != null) ? value : "";
	}

	public NetworkListField getRelayingNetworks() {
		return this.relayingNetworks;
	}

	public void setRelayingNetworks(NetworkListField field) {
		this.relayingNetworks = field;
	}

	public NetworkListField getExchangeOnlineRelayingNetworks() {
		return this.exchangeOnlineRelayingNetworks;
	}

	public void setExchangeOnlineRelayingNetworks(NetworkListField field) {
		this.exchangeOnlineRelayingNetworks = field;
	}

	public NetworkListField getManualListEntries() {
		return this.manualListEntries;
	}

	public void setManualListEntries(NetworkListField field) {
		this.manualListEntries = field;
	}

	public NetworkListField getSmtpInboundSources() {
		return this.smtpInboundSources;
	}

	public void setSmtpInboundSources(NetworkListField field) {
		this.smtpInboundSources = field;
	}

	public NetworkListField getAdminInboundSources() {
		return this.adminInboundSources;
	}

	public void setAdminInboundSources(NetworkListField field) {
		this.adminInboundSources = field;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
