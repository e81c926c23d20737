package org.ketamineclinic.patient;

public enum TrialOutcome {
	NO_RESPONSE, PARTIAL_RESPONSE, RESPONSE, INTOLERANT,
	/** Not known yet, such as a trial imported from another system's prescriptions; never counts as adequate. */
	UNKNOWN
}
