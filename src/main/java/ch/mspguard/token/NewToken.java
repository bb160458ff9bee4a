package ch.mspguard.token;

import java.util.List;

/**
 * A request for a token, as the API receives it: plain text everywhere, so that every
 * wrong value gets a message naming its field instead of a parse error.
 *
 * @param name a name people and the audit log recognise the token by
 * @param scopes what it may do ({@code read}, {@code import}, {@code evaluate},
 * {@code export}, {@code manage-users})
 * @param tenantId the one tenant it may see, or {@code null} for all
 * @param expiresOn the last day it works (ISO date, at most a year ahead)
 * @param allowedNetwork the network it may be used from, or {@code null} for any
 */
public record NewToken(String name, List<String> scopes, String tenantId, String expiresOn, String allowedNetwork) {

}
