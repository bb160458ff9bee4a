package ch.mspguard.exceptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of exceptions, {@code hardening.exceptions.*}.
 *
 * @param maxMonths how far ahead an expiry may lie
 * @param selfApproval whether an operator may approve their own request (an MSP with one
 * operator); each such approval says so on the record and in reports
 */
@ConfigurationProperties("hardening.exceptions")
record ExceptionProperties(@DefaultValue("12") int maxMonths, @DefaultValue("false") boolean selfApproval) {

}
