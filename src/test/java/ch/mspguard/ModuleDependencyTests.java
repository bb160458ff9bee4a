package ch.mspguard;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's check of the module structure: no cycles (seppmail depends on
 * imports, never the other way round) and no use of another module's internals.
 */
class ModuleDependencyTests {

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		ApplicationModules.of(HardeningApplication.class).verify();
	}

}
