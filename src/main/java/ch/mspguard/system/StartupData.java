package ch.mspguard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;
import ch.mspguard.user.InvalidUserException;
import ch.mspguard.user.NewUser;
import ch.mspguard.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database: in demo mode with the demo gateways and users, otherwise with
 * the first operator.
 */
@Component
@EnableConfigurationProperties({ DemoProperties.class, AdminProperties.class })
class StartupData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupData.class);

	static final String OPERATOR_PASSWORD = "operator-demo";

	static final String AUDITOR_PASSWORD = "auditor-demo";

	static final String TENANT_PASSWORD = "tenant-demo";

	private final DemoProperties demo;

	private final AdminProperties admin;

	private final SnapshotReader reader;

	private final SnapshotImporter importer;

	private final GatewayDirectory gateways;

	private final UserService users;

	private final ClusterLock lock;

	private final MessageSource messages;

	StartupData(DemoProperties demo, AdminProperties admin, SnapshotReader reader, SnapshotImporter importer,
			GatewayDirectory gateways, UserService users, ClusterLock lock, MessageSource messages) {
		this.lock = lock;
		this.demo = demo;
		this.admin = admin;
		this.reader = reader;
		this.importer = importer;
		this.gateways = gateways;
		this.users = users;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Instances started together on an empty database: one prepares it, the others
		// find it prepared (or being prepared) and go on.
		this.lock.runExclusively("startup-data", () -> SystemActor.run("startup", () -> {
			if (this.demo.enabled()) {
				loadDemo();
			}
			else if (!this.users.anyUserExists()) {
				createFirstOperator();
			}
		}));
	}

	private void loadDemo() {
		if (this.gateways.isEmpty()) {
			for (Path file : demoFiles()) {
				try {
					ImportResult result = this.importer.importSnapshot(this.reader.read(Files.readAllBytes(file)),
							"demo:" + file.getFileName());
					log.info("Demo gateway {} loaded from {} with {} tenants", result.gatewayName(), file,
							result.tenants().size());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not read demo snapshot " + file, ex);
				}
			}
		}
		this.users.createIfMissing("operator", OPERATOR_PASSWORD, Role.OPERATOR, null);
		this.users.createIfMissing("auditor", AUDITOR_PASSWORD, Role.AUDITOR, null);
		this.gateways.tenants()
			.forEach((tenant) -> this.users.createIfMissing(tenant.name() + "-admin", TENANT_PASSWORD,
					Role.TENANT_ADMIN, tenant.id()));
		log.info("Demo mode: log in as operator/{}, auditor/{} or <tenant name>-admin/{}", OPERATOR_PASSWORD,
				AUDITOR_PASSWORD, TENANT_PASSWORD);
	}

	private List<Path> demoFiles() {
		Path directory = Path.of(this.demo.directory());
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("Demo mode needs the demo snapshots in " + directory.toAbsolutePath()
					+ "; start the application from the repository's root or set hardening.demo.directory");
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first operator's settings are refused: name each setting with the policy's own
	 * English text.
	 */
	private MisconfigurationException refusedAdmin(InvalidUserException refused) {
		String problems = refused.errors()
			.stream()
			.map((error) -> (error.path().equals("/password") ? "HARDENING_ADMIN_PASSWORD" : "HARDENING_ADMIN_USER")
					+ ": " + this.messages.getMessage(error.messageKey(), error.args().toArray(), Locale.ENGLISH))
			.collect(Collectors.joining(" "));
		return new MisconfigurationException(
				"The first operator \"" + this.admin.user() + "\" cannot be created: " + problems,
				"Set HARDENING_ADMIN_USER to 1 to 100 letters, digits and . _ @ - and HARDENING_ADMIN_PASSWORD to at "
						+ "least 12 characters that are not a common password and do not contain the user name; or "
						+ "leave HARDENING_ADMIN_PASSWORD unset to have one generated and logged once.",
				refused);
	}

	private void createFirstOperator() {
		String password = this.admin.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		try {
			this.users.create(new NewUser(this.admin.user(), password, Role.OPERATOR.name(), null));
		}
		catch (InvalidUserException ex) {
			throw refusedAdmin(ex);
		}
		if (generated) {
			log.warn(
					"Created the first operator \"{}\" with the generated password: {}  (shown only this once; "
							+ "set HARDENING_ADMIN_USER and HARDENING_ADMIN_PASSWORD to choose them)",
					this.admin.user(), password);
		}
		else {
			log.info("Created the first operator \"{}\" from HARDENING_ADMIN_USER", this.admin.user());
		}
	}

}
