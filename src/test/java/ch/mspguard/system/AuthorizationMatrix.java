package ch.mspguard.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The machine-readable authorization matrix: for every endpoint, every kind of principal
 * and every kind of object, the answer the application must give.
 *
 * <p>
 * File format (CSV, {@code #} comments): {@code method,path,principal,own,foreign,none}.
 * Principals: {@code anonymous}, {@code tenant-admin-a}, {@code tenant-admin-b},
 * {@code auditor}, {@code operator}, and API tokens: {@code token-<scope>} with one scope
 * each, {@code token-tenant-a} (read and export, restricted to tenant A),
 * {@code token-expired} and {@code token-revoked} (both with every read-only scope), and
 * users signed in with single sign-on: {@code oidc-tenant-admin-a}, {@code oidc-auditor},
 * {@code oidc-operator} (sessions only; the API, which takes no session, answers them
 * 401). Objects are relative to the principal: {@code own} is the principal's own tenant
 * (tenant A for everyone but the admin of B), {@code foreign} another tenant on another
 * gateway, {@code none} an id that does not exist. Paths without an object give {@code -}
 * for foreign and none.
 */
record AuthorizationMatrix(Map<String, List<Row>> endpoints) {

	static final List<String> PRINCIPALS = List.of("anonymous", "tenant-admin-a", "tenant-admin-b", "auditor",
			"operator", "token-read", "token-import", "token-evaluate", "token-export", "token-manage-users",
			"token-tenant-a", "token-expired", "token-revoked", "oidc-tenant-admin-a", "oidc-auditor", "oidc-operator");

	record Row(String method, String path, String principal, Integer own, Integer foreign, Integer none) {

		String endpoint() {
			return this.method + " " + this.path;
		}

	}

	static AuthorizationMatrix load(String resource) throws IOException {
		Map<String, List<Row>> endpoints = new LinkedHashMap<>();
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] cells = trimmed.split("\\s*,\\s*");
				if (cells.length != 6 || !PRINCIPALS.contains(cells[2])) {
					throw new IllegalArgumentException("Bad matrix line: " + line);
				}
				Row row = new Row(cells[0], cells[1], cells[2], status(cells[3]), status(cells[4]), status(cells[5]));
				endpoints.computeIfAbsent(row.endpoint(), (key) -> new ArrayList<>()).add(row);
			}
		}
		return new AuthorizationMatrix(endpoints);
	}

	private static Integer status(String cell) {
		return cell.equals("-") ? null : Integer.valueOf(cell);
	}

}
