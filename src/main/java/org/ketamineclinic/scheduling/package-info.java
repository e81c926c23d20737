/**
 * Scheduling: treatment chairs and rooms with their equipment, clinic opening hours and closures,
 * staff working hours, and appointments that the database never lets overlap for one chair, one
 * person or one patient. Books single and weekly or monthly appointments and a course's planned
 * sessions inside their date windows.
 */
@NullMarked
@ApplicationModule(displayName = "Scheduling", allowedDependencies = { "identity", "audit", "patient", "evaluation", "protocol", "platform", "notification" })
package org.ketamineclinic.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
