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

	/** Verify/secure where the appliance says it looks up the MX host. */
	static final String VERIFY_MX = "verify-mx";

	/** Verify/secure where the appliance delivers to the forwarding host literally. */
	static final String VERIFY_LITERAL = "verify-literal";

	static final String SECURE_LITERAL = "secure-literal";

	/** A level the appliance sent that this checklist version does not know. */
	static final String UNKNOWN_LEVEL = "unknown-level";

	public TlsOutRule() {
		super("TLS-OUT", Severity.HIGH, "§1, §4");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(SECURE), messageKey(FINGERPRINT_STRONG), messageKey(FINGERPRINT_WEAK),
				messageKey(FINGERPRINT_MISSING), messageKey(VERIFY), messageKey(UNAUTHENTICATED),
				messageKey(UNAUTHENTICATED_VPN), messageKey(NOT_RECORDED), messageKey(VERIFY_MX),
				messageKey(VERIFY_LITERAL), messageKey(SECURE_LITERAL), messageKey(UNKNOWN_LEVEL));
	}

	@Override
	protected DomainCheck prepare(EvaluationContext context) {
		return this::check;
	}

	private Verdict check(TenantConfig tenant, DomainConfig domain) {
		if (domain.tlsLevel() == null) {
			return (domain.unknownTlsLevel() != null) ? verdict(Outcome.WARN, UNKNOWN_LEVEL, domain.unknownTlsLevel())
					: verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		String level = domain.tlsLevel().jsonValue();
		return switch (domain.tlsLevel()) {
			case SECURE -> literal(domain) ? verdict(Outcome.PASS, SECURE_LITERAL, level, domain.forwardingHost())
					: verdict(Outcome.PASS, SECURE, level);
			case FINGERPRINT -> fingerprint(domain.tlsFingerprints());
			case VERIFY -> verify(domain, level);
			case NONE, MAY, ENCRYPT -> tenant.hasVpnTunnel() ? verdict(Outcome.WARN, UNAUTHENTICATED_VPN, level)
					: verdict(Outcome.FAIL, UNAUTHENTICATED, level);
		};
	}

	/**
	 * Which name verify checks: the MX host (from an unauthenticated DNS lookup) or, when
	 * the appliance does no MX lookup, the forwarding host itself. Unknown for snapshots,
	 * which do not carry "no MX lookup".
	 */
	private Verdict verify(DomainConfig domain, String level) {
		if (literal(domain)) {
			return verdict(Outcome.WARN, VERIFY_LITERAL, level, domain.forwardingHost());
		}
		if (Boolean.FALSE.equals(domain.noMxLookup())) {
			return verdict(Outcome.WARN, VERIFY_MX, level, domain.name());
		}
		return verdict(Outcome.WARN, VERIFY, level);
	}

	private static boolean literal(DomainConfig domain) {
		return Boolean.TRUE.equals(domain.noMxLookup()) && domain.forwardingHost() != null;
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
