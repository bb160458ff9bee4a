package ch.mspguard.dashboard;

import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.Fingerprint;
import ch.mspguard.gateway.HeaderCheck;
import ch.mspguard.gateway.HeaderChecks;
import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.JsonEnum;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.TlsLevel;

import org.springframework.validation.BindingResult;

/**
 * The domain edit form. It never carries the tenant or domain id (they come from the path
 * and the access check), and never the stored header value.
 */
public class DomainForm {

	static final String HEADER_KEEP = "keep";

	static final String HEADER_REPLACE = "replace";

	static final String HEADER_CLEAR = "clear";

	private String tlsLevel = "";

	private String tlsFingerprints = "";

	private String allowedSendingServers = "";

	private String headerAction = HEADER_KEEP;

	private String headerName = "";

	private String headerValue = "";

	private String exchangeOnlineTenantId = "";

	private String forwardingHost = "";

	private long version;

	static DomainForm of(DomainConfig config, long version) {
		DomainForm form = new DomainForm();
		form.tlsLevel = (config.tlsLevel() != null) ? config.tlsLevel().jsonValue() : "";
		form.tlsFingerprints = Lines.join(config.tlsFingerprints());
		form.allowedSendingServers = Lines.join(config.allowedSendingServers());
		form.headerAction = (config.headerCheck() != null) ? HEADER_KEEP : HEADER_CLEAR;
		form.headerName = (config.headerCheck() != null) ? config.headerCheck().name() : "";
		form.exchangeOnlineTenantId = (config.exchangeOnlineTenantId() != null)
				? config.exchangeOnlineTenantId().toString() : "";
		form.forwardingHost = (config.forwardingHost() != null) ? config.forwardingHost() : "";
		form.version = version;
		return form;
	}

	/** The domain as the form says, or null with the problems in {@code errors}. */
	DomainConfig toConfig(String name, HeaderCheck stored, HeaderChecks headerChecks, BindingResult errors) {
		TlsLevel level = this.tlsLevel.isBlank() ? null : JsonEnum.fromJson(TlsLevel.class, this.tlsLevel).orElse(null);
		if (!this.tlsLevel.isBlank() && level == null) {
			FormErrors.reject(errors, "tlsLevel", new InvalidValueException("field.invalid"));
		}
		List<Fingerprint> fingerprints = Lines.parse(this.tlsFingerprints, "tlsFingerprints", 100, Fingerprint::parse,
				errors);
		List<Network> servers = Lines.parse(this.allowedSendingServers, "allowedSendingServers", 1000, Network::parse,
				errors);
		HeaderCheck header = header(stored, headerChecks, errors);
		UUID exchangeOnline = null;
		if (!this.exchangeOnlineTenantId.isBlank()) {
			try {
				exchangeOnline = UUID.fromString(uuid(this.exchangeOnlineTenantId.strip()));
			}
			catch (InvalidValueException ex) {
				FormErrors.reject(errors, "exchangeOnlineTenantId", ex);
			}
		}
		String host = null;
		if (!this.forwardingHost.isBlank()) {
			try {
				host = Names.host(this.forwardingHost.strip());
			}
			catch (InvalidValueException ex) {
				FormErrors.reject(errors, "forwardingHost", ex);
			}
		}
		return errors.hasErrors() ? null
				: new DomainConfig(name, host, level, fingerprints, servers, header, exchangeOnline);
	}

	private HeaderCheck header(HeaderCheck stored, HeaderChecks headerChecks, BindingResult errors) {
		try {
			return switch (this.headerAction) {
				case HEADER_REPLACE -> {
					HeaderCheck check = headerChecks.of(this.headerName.strip(), this.headerValue);
					if (check.keepsStoredValue()) {
						throw new InvalidValueException("headerCheck.valueEmpty");
					}
					yield check;
				}
				case HEADER_CLEAR -> null;
				default -> stored;
			};
		}
		catch (InvalidValueException ex) {
			FormErrors.reject(errors, ex.code().startsWith("headerCheck.name") ? "headerName" : "headerValue", ex);
			return stored;
		}
	}

	private static String uuid(String text) {
		if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			throw new InvalidValueException("uuid.invalid", text);
		}
		return text;
	}

	public String getTlsLevel() {
		return this.tlsLevel;
	}

	public void setTlsLevel(String tlsLevel) {
		this.tlsLevel = (tlsLevel != null) ? tlsLevel : "";
	}

	public String getTlsFingerprints() {
		return this.tlsFingerprints;
	}

	public void setTlsFingerprints(String tlsFingerprints) {
		this.tlsFingerprints = (tlsFingerprints != null) ? tlsFingerprints : "";
	}

	public String getAllowedSendingServers() {
		return this.allowedSendingServers;
	}

	public void setAllowedSendingServers(String allowedSendingServers) {
		this.allowedSendingServers = (allowedSendingServers != null) ? allowedSendingServers : "";
	}

	public String getHeaderAction() {
		return this.headerAction;
	}

	public void setHeaderAction(String headerAction) {
		this.headerAction = (headerAction != null) ? headerAction : HEADER_KEEP;
	}

	public String getHeaderName() {
		return this.headerName;
	}

	public void setHeaderName(String headerName) {
		this.headerName = (headerName != null) ? headerName : "";
	}

	/** Never filled from storage: the stored value is a secret the form cannot show. */
	public String getHeaderValue() {
		return this.headerValue;
	}

	public void setHeaderValue(String headerValue) {
		this.headerValue = (headerValue != null) ? headerValue : "";
	}

	public String getExchangeOnlineTenantId() {
		return this.exchangeOnlineTenantId;
	}

	public void setExchangeOnlineTenantId(String exchangeOnlineTenantId) {
		this.exchangeOnlineTenantId = (exchangeOnlineTenantId != null) ? exchangeOnlineTenantId : "";
	}

	public String getForwardingHost() {
		return this.forwardingHost;
	}

	public void setForwardingHost(String forwardingHost) {
		this.forwardingHost = (forwardingHost != null) ? forwardingHost : "";
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
