/** The append-only, hash-chained record of every read and change of patient data. */
@NullMarked
@ApplicationModule(displayName = "Audit", allowedDependencies = { "identity", "platform" })
package org.ketamineclinic.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
