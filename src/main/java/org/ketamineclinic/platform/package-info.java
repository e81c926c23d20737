/**
 * Infrastructure every capability stands on: the embedded database, error responses, correlation
 * ids and input validation. An open module: the other modules use its types directly.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Platform")
package org.ketamineclinic.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
