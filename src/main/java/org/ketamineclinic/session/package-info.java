/**
 * Dosing sessions (clinical reference sections 6 and 7): check-in with its safety rules,
 * administration against the signed order, live monitoring with alerts, side effects, discharge
 * criteria, the esketamine REMS monitoring form and the chair board.
 */
@NullMarked
@ApplicationModule(displayName = "Session", allowedDependencies = { "identity", "audit", "patient", "evaluation", "evaluation :: rules", "inventory", "scheduling",
		"assessment", "protocol", "platform" })
package org.ketamineclinic.session;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
