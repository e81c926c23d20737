package org.ketamineclinic.patient;

public enum TrialOutcome {
	NO_RESPONSE, PARTIAL_RESPONSE, RESPONSE, INTOLERANT
}
