/**
 * Outcomes: each patient's trajectory on one time axis, the clinic's cohort analytics (response,
 * remission, durability, dropout) against published reference rates, relapse detection during
 * maintenance, and a de-identified export for research. It keeps its own read model, filled from
 * the events of the assessment, protocol and session modules.
 */
@NullMarked
@ApplicationModule(displayName = "Outcomes", allowedDependencies = { "identity", "audit", "patient", "assessment", "protocol",
		"session", "evaluation", "scheduling", "notification", "platform" })
package org.ketamineclinic.outcomes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
