package org.ketamineclinic.assessment;

/** Where a patient stands on one scale against their baseline (clinical reference section 4, outcome definitions). */
public enum ResponseStatus {
	NO_BASELINE, NOT_RESPONDING, RESPONSE, REMISSION, RELAPSE
}
