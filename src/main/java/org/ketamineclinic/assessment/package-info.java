/**
 * Measurement-based care: rating scales with exact scoring, risk alerts that cannot be lost,
 * scheduled self-reports and response over time.
 */
@NullMarked
@ApplicationModule(displayName = "Assessment", allowedDependencies = { "identity", "audit", "patient", "notification", "platform" })
package org.ketamineclinic.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
