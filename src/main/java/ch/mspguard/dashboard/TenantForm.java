package ch.mspguard.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.JsonEnum;
import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.Names;
import ch.mspguard.gateway.TenantAttestation;
import ch.mspguard.gateway.TenantConfig;

import org.springframework.validation.BindingResult;

/**
 * The tenant settings form: display name, admin e-mail, the attestation of the mail
 * server's TLS and the VPN tunnel.
 */
public class TenantForm {

	private String displayName = "";

	private String adminEmail = "";

	private String mailServerTls = "";

	private String attestedBy = "";

	private String attestedOn = "";

	private String evidence = "";

	private String vpnTunnel = "";

	private long version;

	static TenantForm of(TenantConfig config, TenantAttestation attestation, long version) {
		TenantForm form = new TenantForm();
		form.displayName = nullToEmpty(config.displayName());
		form.adminEmail = nullToEmpty(config.adminEmail());
		form.mailServerTls = (config.mailServerTls() != null) ? config.mailServerTls().jsonValue() : "";
		form.attestedBy = nullToEmpty(attestation.attestedBy());
		form.attestedOn = (attestation.attestedOn() != null) ? attestation.attestedOn().toString() : "";
		form.evidence = nullToEmpty(attestation.evidence());
		form.vpnTunnel = Tristate.of(config.vpnTunnel());
		form.version = version;
		return form;
	}

	TenantConfig toConfig(String name, BindingResult errors) {
		String display = text("displayName", this.displayName, 200, errors);
		String email = null;
		if (!this.adminEmail.isBlank()) {
			try {
				email = Names.email(this.adminEmail.strip());
			}
			catch (InvalidValueException ex) {
				FormErrors.reject(errors, "adminEmail", ex);
			}
		}
		MailServerTls tls = this.mailServerTls.isBlank() ? null
				: JsonEnum.fromJson(MailServerTls.class, this.mailServerTls).orElse(null);
		if (!this.mailServerTls.isBlank() && tls == null) {
			FormErrors.reject(errors, "mailServerTls", new InvalidValueException("field.invalid"));
		}
		return new TenantConfig(name, display, email, tls, Tristate.parse(this.vpnTunnel), List.of());
	}

	TenantAttestation toAttestation(BindingResult errors) {
		LocalDate date = null;
		if (!this.attestedOn.isBlank()) {
			try {
				date = LocalDate.parse(this.attestedOn.strip());
				if (date.isAfter(LocalDate.now().plusDays(1))) {
					FormErrors.reject(errors, "attestedOn", new InvalidValueException("date.future"));
				}
			}
			catch (DateTimeParseException ex) {
				FormErrors.reject(errors, "attestedOn", new InvalidValueException("date.invalid", this.attestedOn));
			}
		}
		return new TenantAttestation(text("attestedBy", this.attestedBy, 200, errors), date,
				multiline("evidence", this.evidence, 2000, errors));
	}

	static String text(String field, String value, int max, BindingResult errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Names.text(value.strip(), max);
		}
		catch (InvalidValueException ex) {
			FormErrors.reject(errors, field, ex);
			return null;
		}
	}

	private static String multiline(String field, String value, int max, BindingResult errors) {
		if (value.isBlank()) {
			return null;
		}
		if (value.strip().length() > max) {
			FormErrors.reject(errors, field, new InvalidValueException("text.tooLong", max));
			return null;
		}
		return value.strip();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = nullToEmpty(displayName);
	}

	public String getAdminEmail() {
		return this.adminEmail;
	}

	public void setAdminEmail(String adminEmail) {
		this.adminEmail = nullToEmpty(adminEmail);
	}

	public String getMailServerTls() {
		return this.mailServerTls;
	}

	public void setMailServerTls(String mailServerTls) {
		this.mailServerTls = nullToEmpty(mailServerTls);
	}

	public String getAttestedBy() {
		return this.attestedBy;
	}

	public void setAttestedBy(String attestedBy) {
		this.attestedBy = nullToEmpty(attestedBy);
	}

	public String getAttestedOn() {
		return this.attestedOn;
	}

	public void setAttestedOn(String attestedOn) {
		this.attestedOn = nullToEmpty(attestedOn);
	}

	public String getEvidence() {
		return this.evidence;
	}

	public void setEvidence(String evidence) {
		this.evidence = nullToEmpty(evidence);
	}

	public String getVpnTunnel() {
		return this.vpnTunnel;
	}

	public void setVpnTunnel(String vpnTunnel) {
		this.vpnTunnel = nullToEmpty(vpnTunnel);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
