/**
 * Psychological support around the doses: preparation and integration sessions that therapists
 * plan and hold, their structured notes (signed, then locked), the integration session due after
 * each dosing session, and the patient's own journal, shared with the care team only by choice.
 * Evaluation is allowed for its route type only, which the session events carry.
 */
@NullMarked
@ApplicationModule(displayName = "Therapy", allowedDependencies = { "identity", "audit", "patient", "session", "scheduling",
		"evaluation", "assessment", "notification", "platform" })
package org.ketamineclinic.therapy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
