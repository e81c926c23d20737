package org.ketamineclinic.evaluation;

/** How much a finding weighs, most severe first (findings are listed in this order). */
public enum Severity {
	/** Blocks treatment by this route. */
	ABSOLUTE,
	/** Needs a documented clinician decision (an acknowledgement with a reason). */
	RELATIVE,
	/** Worth knowing; needs no decision. */
	INFO
}
