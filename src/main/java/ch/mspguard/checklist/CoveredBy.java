package ch.mspguard.checklist;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The active exception that covers a finding, as stored with the finding so that pages,
 * reports and the API say "accepted until {@code expiresOn} by {@code approvedBy}".
 *
 * @param id the exception
 * @param state its state when the evaluation ran ({@code ACTIVE})
 * @param expiresOn the last day it covers
 * @param approvedBy who approved it
 * @param selfApproved whether the approver was also the requester (allowed by a setting
 * for one-operator MSPs)
 */
public record CoveredBy(UUID id, String state, LocalDate expiresOn, String approvedBy, boolean selfApproved) {

}
