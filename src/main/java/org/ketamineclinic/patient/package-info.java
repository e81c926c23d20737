/**
 * The patient registry: demographics, contacts and escorts, measurements, diagnoses, history
 * findings, medications and antidepressant trials.
 */
@NullMarked
@ApplicationModule(displayName = "Patient registry", allowedDependencies = { "identity", "audit", "platform" })
package org.ketamineclinic.patient;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
