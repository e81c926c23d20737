/** The staff home page for today; later capabilities add their sections to it. */
@NullMarked
@ApplicationModule(displayName = "Home", allowedDependencies = { "identity", "platform" })
package org.ketamineclinic.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
