package ch.mspguard.checklist;

/**
 * What a rule says about one subject.
 *
 * @param outcome the outcome
 * @param message the message for everyone who may see the subject, tenant admins
 * included: it never names another tenant, its domains or its networks
 * @param detail the fuller message for operators and auditors, or {@code null} when it
 * would say the same as {@code message}
 * @param remediationKey the bundle key of the remediation text to show
 */
public record Verdict(Outcome outcome, Message message, Message detail, String remediationKey) {

}
