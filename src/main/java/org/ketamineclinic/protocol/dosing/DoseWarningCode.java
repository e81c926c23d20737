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
	FASTER_THAN_STUDIED(Severity.INFO);

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
