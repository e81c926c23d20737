/**
 * Pre-treatment evaluation: treatment-resistance staging and the route-specific eligibility and
 * contraindication rules of clinical reference sections 2 and 3, with a physician's sign-off.
 */
@NullMarked
@ApplicationModule(displayName = "Evaluation", allowedDependencies = { "identity", "audit", "patient", "assessment", "platform" })
package org.ketamineclinic.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
