package org.ketamineclinic.evaluation.rules;

import java.util.Objects;

import org.ketamineclinic.evaluation.Severity;

/**
 * What one rule found.
 *
 * @param ruleId the stable id of the rule (acknowledgements and overrides refer to it)
 * @param severity ABSOLUTE blocks, RELATIVE needs a documented decision, INFO needs none
 * @param message a sentence a clinician understands, with what was charted
 * @param source where the rule comes from, ending in its flag: (REG), (EVID) or (POLICY)
 * @param regulatory true for esketamine label rules: no clinic setting changes them
 * @param overridable true when a physician may proceed past the finding by recording a reason: every
 * RELATIVE finding (the acknowledgement) and the racemic absolutes set by clinic policy; false for
 * esketamine label absolutes, for hypersensitivity and for INFO
 */
public record Finding(String ruleId, Severity severity, String message, String source, boolean regulatory,
		boolean overridable) {

	public Finding {
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(source, "source");
		if (severity == Severity.INFO && overridable) {
			throw new IllegalArgumentException(ruleId + ": an INFO finding has nothing to override");
		}
		if (severity == Severity.ABSOLUTE && regulatory && overridable) {
			throw new IllegalArgumentException(ruleId + ": a regulatory absolute cannot be overridden");
		}
	}

	/** RELATIVE findings need an acknowledgement with a reason at sign-off. */
	public boolean needsAcknowledgement() {
		return severity == Severity.RELATIVE;
	}

	/** An absolute finding nobody can override: the route is closed to this patient. */
	public boolean blocksUnconditionally() {
		return severity == Severity.ABSOLUTE && !overridable;
	}
}
