package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.ListArgument;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.Fingerprint;
import ch.mspguard.gateway.TenantConfig;

/**
 * TLS-OUT: the gateway delivers to the tenant's mail server over authenticated TLS
 * (SEPPmail FAQ §1), or a VPN tunnel compensates for a weaker level (§4).
 */
public class TlsOutRule extends DomainRule {

	static final String SECURE = "secure";

	static final String FINGERPRINT_STRONG = "fingerprint-strong";

	static final String FINGERPRINT_WEAK = "fingerprint-weak";

	static final String FINGERPRINT_MISSING = "fingerprint-missing";

	static final String VERIFY = "verify";

	static final String UNAUTHENTICATED = "unauthenticated";

	static final String UNAUTHENTICATED_VPN = "unauthenticated-vpn";

	static final String NOT_RECORDED = "not-recorded";

	public TlsOutRule() {
		super("TLS-OUT", Severity.HIGH, "§1, §4");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(SECURE), messageKey(FINGERPRINT_STRONG), messageKey(FINGERPRINT_WEAK),
				messageKey(FINGERPRINT_MISSING), messageKey(VERIFY), messageKey(UNAUTHENTICATED),
				messageKey(UNAUTHENTICATED_VPN), messageKey(NOT_RECORDED));
	}

	@Override
	protected DomainCheck prepare(EvaluationContext context) {
		return this::check;
	}

	private Verdict check(TenantConfig tenant, DomainConfig domain) {
		if (domain.tlsLevel() == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		String level = domain.tlsLevel().jsonValue();
		return switch (domain.tlsLevel()) {
			case SECURE -> verdict(Outcome.PASS, SECURE, level);
			case FINGERPRINT -> fingerprint(domain.tlsFingerprints());
			case VERIFY -> verdict(Outcome.WARN, VERIFY, level);
			case NONE, MAY, ENCRYPT -> tenant.hasVpnTunnel() ? verdict(Outcome.WARN, UNAUTHENTICATED_VPN, level)
					: verdict(Outcome.FAIL, UNAUTHENTICATED, level);
		};
	}

	private Verdict fingerprint(List<Fingerprint> fingerprints) {
		if (fingerprints.isEmpty()) {
			return verdict(Outcome.FAIL, FINGERPRINT_MISSING);
		}
		List<Fingerprint> strong = fingerprints.stream()
			.filter((fingerprint) -> fingerprint.byteLength() >= Fingerprint.STRONG_BYTES)
			.toList();
		if (!strong.isEmpty()) {
			return verdict(Outcome.PASS, FINGERPRINT_STRONG, join(strong));
		}
		return verdict(Outcome.WARN, FINGERPRINT_WEAK, join(fingerprints));
	}

	private static String join(List<Fingerprint> fingerprints) {
		return ListArgument.join(fingerprints.stream().map(Fingerprint::text).toList());
	}

}
