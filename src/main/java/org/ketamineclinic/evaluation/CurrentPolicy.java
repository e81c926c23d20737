package org.ketamineclinic.evaluation;

import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.identity.ClinicId;

/** The clinic policy in force for a clinic now: the reference's defaults with the clinic's recorded changes applied. */
public interface CurrentPolicy {

	ClinicPolicy current(ClinicId clinic);
}
