package org.ketamineclinic.scheduling;

/** Equipment a chair or room has, which an appointment type may need. */
public enum Capability {
	INFUSION_PUMP, PULSE_OXIMETER, RECLINER
}
