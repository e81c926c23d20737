/** Protocols, dose calculation, treatment courses and the plasma-concentration simulator. */
@NullMarked
@ApplicationModule(displayName = "Protocol", allowedDependencies = { "identity", "audit", "patient", "evaluation", "evaluation :: rules", "assessment", "platform" })
package org.ketamineclinic.protocol;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
