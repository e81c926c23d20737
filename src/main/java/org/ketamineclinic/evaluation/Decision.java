package org.ketamineclinic.evaluation;

/**
 * The outcome of an evaluation, in order of precedence: an absolute finding makes the patient
 * INELIGIBLE even when facts are missing; missing facts make it INCOMPLETE; a relative finding
 * makes it ELIGIBLE_WITH_CAUTIONS (each needs a physician's acknowledgement); else ELIGIBLE.
 */
public enum Decision {
	ELIGIBLE, ELIGIBLE_WITH_CAUTIONS, INELIGIBLE, INCOMPLETE
}
