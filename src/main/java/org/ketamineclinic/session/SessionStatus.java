package org.ketamineclinic.session;

/**
 * Where a dosing session stands. CANCELLED ends a session before any dose; ABORTED ends one after
 * dosing began; both keep their reason.
 */
public enum SessionStatus {
	PLANNED, CHECKED_IN, DOSING, MONITORING, READY_FOR_DISCHARGE, DISCHARGED, CANCELLED, ABORTED;

	/** True while the patient is in the chair: vital signs, scales and side effects may be recorded. */
	public boolean inChair() {
		return this == CHECKED_IN || this == DOSING || this == MONITORING || this == READY_FOR_DISCHARGE;
	}
}
