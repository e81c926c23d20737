/** The demo clinic: staff, patient accounts and synthetic patients, seeded once from a fixed seed. */
@NullMarked
@ApplicationModule(displayName = "Demo clinic", allowedDependencies = { "identity", "patient", "evaluation", "inventory", "scheduling", "platform" })
package org.ketamineclinic.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
