package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules every source of tenants and domains must pass, whatever the shape of its
 * document: the snapshot reader and the SEPPmail API adapter read their own documents and
 * hand each value here with the JSON pointer it came from. Values are validated and
 * normalised; problems are collected, so that a reader can report all of them at once.
 */
public final class ConfigurationValidator {

	public static final int MAX_TENANTS = 10_000;

	public static final int MAX_DOMAINS = 100_000;

	static final int MAX_DISPLAY_NAME = 200;

	private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private final HeaderChecks headerChecks;

	private final List<ValidationError> errors = new ArrayList<>();

	/** Lower-case name → where it was first seen and as which name. */
	private final Map<String, String[]> tenantNames = new HashMap<>();

	private final Map<String, String[]> domainNames = new HashMap<>();

	public ConfigurationValidator(HeaderChecks headerChecks) {
		this.headerChecks = headerChecks;
	}

	/** Every problem found so far, in the order found. */
	public List<ValidationError> errors() {
		return this.errors;
	}

	public void reject(String at, String code, Object... args) {
		this.errors.add(ValidationError.of(at, code, args));
	}

	/**
	 * The parsed value, or null when {@code raw} is null or invalid (then with an error
	 * at {@code at}).
	 */
	public <T> T parse(String raw, String at, Function<String, T> parser) {
		if (raw == null) {
			return null;
		}
		int forbidden = ControlCharacters.firstForbidden(raw);
		if (forbidden >= 0) {
			this.errors.add(ValidationError.of(at, "text.controlCharacter",
					ControlCharacters.describe(raw.charAt(forbidden)), forbidden + 1));
			return null;
		}
		try {
			return parser.apply(raw);
		}
		catch (InvalidValueException ex) {
			this.errors.add(ValidationError.of(at, ex.code(), ex.arguments()));
			return null;
		}
	}

	/**
	 * A SEPPmail customer name, unique in the gateway regardless of case; names that
	 * differ only in case get a message saying so and naming both.
	 */
	public String tenantName(String raw, String at) {
		String name = parse(raw, at, Names::tenant);
		if (name != null) {
			unique(this.tenantNames, name.toLowerCase(Locale.ROOT), at, "tenant.duplicate", name);
		}
		return name;
	}

	/** A managed domain, unique in the gateway. */
	public String domainName(String raw, String at) {
		String name = parse(raw, at, Names::domain);
		if (name != null) {
			unique(this.domainNames, name, at, "domain.duplicate", name);
		}
		return name;
	}

	public String displayName(String raw, String at) {
		return parse(raw, at, (text) -> Names.text(text, MAX_DISPLAY_NAME));
	}

	public String adminEmail(String raw, String at) {
		return parse(raw, at, Names::email);
	}

	public String forwardingHost(String raw, String at) {
		return parse(raw, at, Names::host);
	}

	/**
	 * A level that is none of {@link TlsLevel} but may be a real one (newer firmware,
	 * Postfix's {@code dane} and {@code dane-only}): kept raw, lower case.
	 */
	public String unknownTlsLevel(String raw, String at) {
		return parse(raw, at, (text) -> {
			String level = text.strip().toLowerCase(Locale.ROOT);
			if (!level.matches("[a-z][a-z0-9_-]{0,39}")) {
				throw new InvalidValueException("tlsLevel.invalid", text,
						String.join(", ", JsonEnum.jsonValues(TlsLevel.class)));
			}
			return level;
		});
	}

	/** One of the TLS levels; anything else is an error. */
	public TlsLevel tlsLevel(String raw, String at) {
		return parse(raw, at,
				(text) -> JsonEnum.fromJson(TlsLevel.class, text)
					.orElseThrow(() -> new InvalidValueException("field.enum",
							String.join(", ", JsonEnum.jsonValues(TlsLevel.class)))));
	}

	public Fingerprint fingerprint(String raw, String at) {
		return parse(raw, at, Fingerprint::parse);
	}

	public Network network(String raw, String at) {
		return parse(raw, at, Network::parse);
	}

	public HeaderCheck headerCheck(String raw, String at) {
		return parse(raw, at, this.headerChecks::parse);
	}

	public UUID exchangeOnlineTenantId(String raw, String at) {
		return parse(raw, at, ConfigurationValidator::uuid);
	}

	/** Adds an error at {@code at} when the gateway has more domains than allowed. */
	public void checkDomainLimit(String at) {
		if (this.domainNames.size() > MAX_DOMAINS) {
			reject(at, "limits.domains", MAX_DOMAINS);
		}
	}

	private void unique(Map<String, String[]> seen, String key, String at, String code, String name) {
		String[] first = seen.putIfAbsent(key, new String[] { at, name });
		if (first == null) {
			return;
		}
		if (first[1].equals(name)) {
			reject(at, code, name, first[0]);
		}
		else {
			reject(at, code + "Case", name, first[0], first[1]);
		}
	}

	private static UUID uuid(String text) {
		if (!text.matches(UUID_PATTERN)) {
			throw new InvalidValueException("uuid.invalid", text);
		}
		return UUID.fromString(text);
	}

}
