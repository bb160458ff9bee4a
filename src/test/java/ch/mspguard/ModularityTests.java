package ch.mspguard;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: no cycles between them, and no module reaches into
 * another's internals. Also writes the module documentation (a C4 component diagram of
 * all modules, one per module, and module canvases) to
 * {@code target/spring-modulith-docs}; {@code docs/modules/} keeps the committed copy of
 * the overall diagram that the README shows.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(HardeningApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}

}
