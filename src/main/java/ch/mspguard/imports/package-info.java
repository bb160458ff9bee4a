/**
 * Imports started in the browser: the preview of what an upload or pull would change,
 * applying or discarding it, and the import history.
 */
@ApplicationModule(displayName = "Imports")
package ch.mspguard.imports;

import org.springframework.modulith.ApplicationModule;
