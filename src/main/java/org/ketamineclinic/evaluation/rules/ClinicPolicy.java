package org.ketamineclinic.evaluation.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.HistoryFindingCode;

/**
 * The clinic-adjustable parts of the evaluation (clinical reference sections 2 and 3), with the
 * reference's defaults in {@link #DEFAULTS}.
 *
 * @param adequateTrialWeeks weeks at a therapeutic dose that make an antidepressant trial adequate
 * (POLICY, 6 by default; clinics use 4 to 8, nothing else is accepted)
 * @param racemicAbsoluteFindings the findings that block racemic ketamine; a subset of
 * {@link #RELAXABLE_RACEMIC_FINDINGS} (all of them by default). A finding the clinic takes out of
 * the set becomes RELATIVE. Hypersensitivity is always absolute and cannot be listed here.
 * @param ivPreDoseBloodPressureLimit a baseline blood pressure at or above this blocks racemic
 * ketamine unless a physician overrides it (POLICY, after the resting 180/100 of one national label)
 * @param esketaminePreDoseLimit a baseline blood pressure above this prompts "consider delaying"
 * for esketamine (REG, 140/90; a clinic may be stricter but not more lenient)
 * @param maxBaselineScaleAgeDays a baseline depression rating older than this counts as missing (POLICY)
 * @param maxWeightAgeDays a weight older than this counts as missing (POLICY), and a dose calculated
 * from it is flagged
 * @param dosingWeight which body weight a weight-based dose uses (POLICY, actual body weight by default)
 * @param olderAdultEsketamineStartsAt28 whether the clinic follows the EU label's 28 mg esketamine start for
 * patients 65 and over: a start above 28 mg then raises a warning (jurisdiction rule, off by default as
 * the US label starts every adult at 56 mg)
 * @param monitoring the session monitoring thresholds (clinical reference section 6, POLICY)
 */
public record ClinicPolicy(int adequateTrialWeeks, Set<HistoryFindingCode> racemicAbsoluteFindings,
		BloodPressureLimit ivPreDoseBloodPressureLimit, BloodPressureLimit esketaminePreDoseLimit, int maxBaselineScaleAgeDays,
		int maxWeightAgeDays, DosingWeight dosingWeight, boolean olderAdultEsketamineStartsAt28, MonitoringLimits monitoring) {

	/**
	 * Conditions where a rise in blood pressure would be a serious hazard: absolute for racemic
	 * ketamine by default, the clinic may relax each to relative.
	 */
	public static final Set<HistoryFindingCode> RELAXABLE_RACEMIC_FINDINGS = Collections.unmodifiableSet(EnumSet.of(
			HistoryFindingCode.UNCONTROLLED_HYPERTENSION, HistoryFindingCode.SEVERE_CARDIOVASCULAR_DISEASE,
			HistoryFindingCode.RECENT_STROKE_OR_CEREBRAL_TRAUMA, HistoryFindingCode.RAISED_INTRACRANIAL_PRESSURE,
			HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE));

	/** The esketamine label's pre-dose prompt (REG). */
	public static final BloodPressureLimit ESKETAMINE_LABEL_LIMIT = new BloodPressureLimit(140, 90);

	public static final ClinicPolicy DEFAULTS = new ClinicPolicy(6, RELAXABLE_RACEMIC_FINDINGS,
			new BloodPressureLimit(180, 100), ESKETAMINE_LABEL_LIMIT, 30, 30, DosingWeight.ACTUAL, false,
			MonitoringLimits.DEFAULTS);

	public ClinicPolicy {
		if (adequateTrialWeeks < 4 || adequateTrialWeeks > 8) {
			throw new IllegalArgumentException("adequate trial duration must be 4 to 8 weeks, got " + adequateTrialWeeks);
		}
		Objects.requireNonNull(racemicAbsoluteFindings, "racemicAbsoluteFindings");
		for (HistoryFindingCode code : racemicAbsoluteFindings) {
			if (!RELAXABLE_RACEMIC_FINDINGS.contains(code)) {
				throw new IllegalArgumentException(code + " is not one of the racemic findings a clinic may set: "
						+ RELAXABLE_RACEMIC_FINDINGS);
			}
		}
		racemicAbsoluteFindings = racemicAbsoluteFindings.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(racemicAbsoluteFindings));
		Objects.requireNonNull(ivPreDoseBloodPressureLimit, "ivPreDoseBloodPressureLimit");
		Objects.requireNonNull(esketaminePreDoseLimit, "esketaminePreDoseLimit");
		if (esketaminePreDoseLimit.systolic() > ESKETAMINE_LABEL_LIMIT.systolic()
				|| esketaminePreDoseLimit.diastolic() > ESKETAMINE_LABEL_LIMIT.diastolic()) {
			throw new IllegalArgumentException("the esketamine pre-dose limit may not be above the label's "
					+ ESKETAMINE_LABEL_LIMIT + ", got " + esketaminePreDoseLimit);
		}
		if (maxBaselineScaleAgeDays < 1) {
			throw new IllegalArgumentException("maxBaselineScaleAgeDays must be at least 1, got " + maxBaselineScaleAgeDays);
		}
		Objects.requireNonNull(dosingWeight, "dosingWeight");
		Objects.requireNonNull(monitoring, "monitoring");
		if (maxWeightAgeDays < 1) {
			throw new IllegalArgumentException("maxWeightAgeDays must be at least 1, got " + maxWeightAgeDays);
		}
	}

	public ClinicPolicy withAdequateTrialWeeks(int weeks) {
		return new ClinicPolicy(weeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit, esketaminePreDoseLimit,
				maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withRacemicAbsoluteFindings(Set<HistoryFindingCode> findings) {
		return new ClinicPolicy(adequateTrialWeeks, findings, ivPreDoseBloodPressureLimit, esketaminePreDoseLimit,
				maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withIvPreDoseBloodPressureLimit(BloodPressureLimit limit) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, limit, esketaminePreDoseLimit,
				maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withEsketaminePreDoseLimit(BloodPressureLimit limit) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit, limit,
				maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withMaxBaselineScaleAgeDays(int days) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit,
				esketaminePreDoseLimit, days, maxWeightAgeDays, dosingWeight,
				olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withMaxWeightAgeDays(int days) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit,
				esketaminePreDoseLimit, maxBaselineScaleAgeDays, days, dosingWeight,
				olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withDosingWeight(DosingWeight basis) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit,
				esketaminePreDoseLimit, maxBaselineScaleAgeDays, maxWeightAgeDays, basis, olderAdultEsketamineStartsAt28, monitoring);
	}

	public ClinicPolicy withOlderAdultEsketamineStartsAt28(boolean follows) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit,
				esketaminePreDoseLimit, maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, follows, monitoring);
	}

	public ClinicPolicy withMonitoring(MonitoringLimits limits) {
		return new ClinicPolicy(adequateTrialWeeks, racemicAbsoluteFindings, ivPreDoseBloodPressureLimit,
				esketaminePreDoseLimit, maxBaselineScaleAgeDays, maxWeightAgeDays, dosingWeight, olderAdultEsketamineStartsAt28,
				limits);
	}
}
