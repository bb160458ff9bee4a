package ch.mspguard.gateway;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Who attested the tenant mail server's TLS, when, and on what evidence: dashboard data
 * that the snapshot format does not carry and imports leave alone.
 *
 * @param attestedBy who attested it
 * @param attestedOn when
 * @param evidence a note on the evidence (ticket, screenshot, connector settings)
 */
public record TenantAttestation(String attestedBy, LocalDate attestedOn, String evidence) implements Serializable {

}
