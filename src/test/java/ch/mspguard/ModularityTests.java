package ch.mspguard;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: no cycles between them, and no module reaches into
 * another's internals.
 */
class ModularityTests {

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		ApplicationModules.of(HardeningApplication.class).verify();
	}

}
