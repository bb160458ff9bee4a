package ch.mspguard.token;

import java.util.Optional;
import java.util.Set;

/**
 * What an API token may do. Each scope opens a group of API endpoints (see the security
 * configuration); the scope names are the API's own words.
 */
public enum TokenScope {

	/** Read tenants, gateways, findings and rules. */
	READ("read"),
	/** Import snapshots. */
	IMPORT("import"),
	/** Dry-run evaluations of a posted snapshot. */
	EVALUATE("evaluate"),
	/** Snapshot exports, reports, CSV files and the audit log. */
	EXPORT("export"),
	/** Create users and manage API tokens. */
	MANAGE_USERS("manage-users");

	/** Scopes that change data, and so need an operator's database role. */
	static final Set<TokenScope> WRITING = Set.of(IMPORT, MANAGE_USERS);

	/** Scopes a token restricted to one tenant may have: what a tenant admin may do. */
	static final Set<TokenScope> TENANT_RESTRICTED = Set.of(READ, EXPORT);

	private final String text;

	TokenScope(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	/** The Spring Security authority a token with this scope carries. */
	public String authority() {
		return "SCOPE_" + this.text;
	}

	static Optional<TokenScope> of(String text) {
		for (TokenScope scope : values()) {
			if (scope.text.equals(text)) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}

}
