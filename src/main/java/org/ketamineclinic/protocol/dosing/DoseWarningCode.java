package org.ketamineclinic.protocol.dosing;

/** The warnings the dose calculator can raise, each with how serious it is. */
public enum DoseWarningCode {

	/** IV dose above the hard-stop limit (1.0 mg/kg per session); a physician may override it elsewhere. */
	IV_DOSE_ABOVE_1_MG_PER_KG(Severity.HARD_STOP),
	/** IV dose outside the studied 0.1-1.0 mg/kg range (EVID). */
	OUTSIDE_STUDIED_RANGE(Severity.WARNING),
	/** IM dose outside the clinic's 0.25-1.0 mg/kg range (POLICY). */
	IM_OUTSIDE_POLICY_RANGE(Severity.WARNING),
	/** The 100 mg/mL vial must be diluted before IV use. */
	VIAL_NEEDS_DILUTION(Severity.WARNING),
	/** IV infusion shorter than the studied 40 minutes. */
	FASTER_THAN_STUDIED(Severity.INFO),
	/** The weight the dose uses is older than the clinic's limit (30 days by default, POLICY). */
	WEIGHT_OUT_OF_DATE(Severity.WARNING),
	/** The dose is above the protocol's maximum. */
	ABOVE_PROTOCOL_MAXIMUM(Severity.WARNING),
	/** 84 mg esketamine without an earlier 56 mg session in the course (label, REG). */
	ESKETAMINE_84_WITHOUT_56(Severity.WARNING),
	/** A patient 65 or over starting esketamine above 28 mg where the clinic follows that rule (EU label). */
	OLDER_ADULT_START_ABOVE_28(Severity.WARNING);

	public enum Severity {
		INFO, WARNING, HARD_STOP
	}

	private final Severity severity;

	DoseWarningCode(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return severity;
	}

	public boolean hardStop() {
		return severity == Severity.HARD_STOP;
	}
}
