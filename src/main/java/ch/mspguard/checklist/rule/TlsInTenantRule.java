package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.TenantConfig;

/**
 * TLS-IN-TENANT: the tenant's mail server sends to the gateway over TLS (SEPPmail FAQ
 * §3). The gateway cannot enforce this, so the rule reads the tenant's attestation; a VPN
 * tunnel compensates for missing TLS (§4).
 */
public class TlsInTenantRule extends TenantRule {

	static final String VERIFIED = "verified";

	static final String ENCRYPTED = "encrypted";

	static final String NOT_ENFORCED = "not-enforced";

	static final String NOT_ENFORCED_VPN = "not-enforced-vpn";

	static final String NOT_RECORDED = "not-recorded";

	public TlsInTenantRule() {
		super("TLS-IN-TENANT", Severity.HIGH, "§3, §4");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(VERIFIED), messageKey(ENCRYPTED), messageKey(NOT_ENFORCED),
				messageKey(NOT_ENFORCED_VPN), messageKey(NOT_RECORDED));
	}

	@Override
	protected Verdict check(TenantConfig tenant) {
		if (tenant.mailServerTls() == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		String attested = tenant.mailServerTls().jsonValue();
		return switch (tenant.mailServerTls()) {
			case VERIFIED -> verdict(Outcome.PASS, VERIFIED, attested);
			case ENCRYPTED -> verdict(Outcome.WARN, ENCRYPTED, attested);
			case OPPORTUNISTIC, NONE -> tenant.hasVpnTunnel() ? verdict(Outcome.WARN, NOT_ENFORCED_VPN, attested)
					: verdict(Outcome.FAIL, NOT_ENFORCED, attested);
		};
	}

}
