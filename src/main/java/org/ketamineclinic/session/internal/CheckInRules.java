package org.ketamineclinic.session.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;

/**
 * The check-in rules of clinical reference section 6, each named, with its source. BLOCK findings
 * stop the check-in (422); ACKNOWLEDGE findings let the patient in but a physician acknowledges
 * each with a reason before dosing; INFO findings only inform. Rules from the esketamine label
 * (REG) use the label's numbers and cannot be relaxed; racemic preparation rules are clinic
 * policy and take the clinic's numbers from {@link Limits}.
 */
final class CheckInRules {

	static final String ESCORT = "ESCORT_REQUIRED";
	static final String EVALUATION = "APPROVED_EVALUATION_REQUIRED";
	static final String CONSENT = "CONSENT_REQUIRED";
	static final String REMS_SETTING = "REMS_SETTING_CERTIFICATION_REQUIRED";
	static final String REMS_PATIENT = "REMS_PATIENT_ENROLLMENT_REQUIRED";
	static final String BLOOD_PRESSURE = "PRE_DOSE_BLOOD_PRESSURE_HIGH";
	static final String FOOD = "FOOD_FAST_TOO_SHORT";
	static final String LIQUID = "LIQUID_FAST_TOO_SHORT";
	static final String NASAL = "NASAL_STEROID_OR_DECONGESTANT_TOO_RECENT";
	static final String WEIGHT = "WEIGHT_OUT_OF_DATE";

	/** Esketamine label (REG): no food for 2 hours, no liquids for 30 minutes, nasal steroid or decongestant 1 hour before. */
	static final Duration ESKETAMINE_FOOD_FAST = Duration.ofHours(2);
	static final Duration ESKETAMINE_LIQUID_FAST = Duration.ofMinutes(30);
	static final Duration NASAL_GAP = Duration.ofHours(1);

	enum Severity {
		BLOCK, ACKNOWLEDGE, INFO
	}

	enum Source {
		REG, EVID, POLICY
	}

	record Finding(String ruleId, Severity severity, Source source, String message) {
	}

	/**
	 * @param weightMeasuredAt when the chart's latest weight was taken; null when there is none
	 */
	record Facts(Route route, Instant checkedInAt, @Nullable Instant lastFoodAt, @Nullable Instant lastLiquidAt,
			@Nullable Instant nasalSteroidOrDecongestantAt, @Nullable String escortName, @Nullable String escortPhone,
			boolean approvedEvaluation, boolean currentConsent, boolean remsSettingCertified, boolean remsPatientEnrolled,
			VitalSigns vitals, @Nullable Instant weightMeasuredAt) {
	}

	/**
	 * The clinic's numbers. The esketamine pre-dose limit comes from the clinic policy, which may be
	 * stricter than the label's 140/90 but never more lenient.
	 */
	record Limits(BloodPressureLimit esketaminePreDose, BloodPressureLimit racemicPreDose, Duration racemicFoodFast,
			Duration racemicLiquidFast, int maxWeightAgeDays) {
	}

	private CheckInRules() {
	}

	static List<Finding> evaluate(Facts facts, Limits limits) {
		List<Finding> findings = new ArrayList<>();
		boolean esketamine = !facts.route().racemic();
		Source preparation = esketamine ? Source.REG : Source.POLICY;
		if (blank(facts.escortName()) || blank(facts.escortPhone())) {
			findings.add(new Finding(ESCORT, Severity.BLOCK, preparation,
					"No responsible adult to take the patient home (name and phone): reschedule the session."));
		}
		if (!facts.approvedEvaluation()) {
			findings.add(new Finding(EVALUATION, Severity.BLOCK, Source.POLICY,
					"The patient has no current evaluation for " + facts.route().label() + " approved by a physician."));
		}
		if (!facts.currentConsent()) {
			findings.add(new Finding(CONSENT, Severity.BLOCK, Source.POLICY,
					"The patient has not signed (with countersignature) the current consent for " + facts.route().label() + "."));
		}
		if (esketamine && !facts.remsSettingCertified()) {
			findings.add(new Finding(REMS_SETTING, Severity.BLOCK, Source.REG,
					"The clinic has no current esketamine REMS healthcare-setting certification."));
		}
		if (esketamine && !facts.remsPatientEnrolled()) {
			findings.add(new Finding(REMS_PATIENT, Severity.BLOCK, Source.REG,
					"The patient is not enrolled in the esketamine REMS; enrol before the first dose."));
		}
		BloodPressureLimit limit = esketamine ? limits.esketaminePreDose() : limits.racemicPreDose();
		VitalSigns vitals = facts.vitals();
		if (vitals.hasBloodPressure() && (vitals.sbp() > limit.systolic() || vitals.dbp() > limit.diastolic())) {
			findings.add(new Finding(BLOOD_PRESSURE, Severity.ACKNOWLEDGE, preparation, "Pre-dose blood pressure " + vitals.sbp() + "/"
					+ vitals.dbp() + " is above " + limit + (esketamine ? ": consider delaying the dose." : ": hold and recheck.")));
		}
		fast(findings, FOOD, "food", facts.lastFoodAt(), facts.checkedInAt(),
				esketamine ? ESKETAMINE_FOOD_FAST : limits.racemicFoodFast(), preparation);
		fast(findings, LIQUID, "liquids", facts.lastLiquidAt(), facts.checkedInAt(),
				esketamine ? ESKETAMINE_LIQUID_FAST : limits.racemicLiquidFast(), preparation);
		Instant nasal = facts.nasalSteroidOrDecongestantAt();
		if (esketamine && nasal != null && nasal.isAfter(facts.checkedInAt().minus(NASAL_GAP))) {
			findings.add(new Finding(NASAL, Severity.ACKNOWLEDGE, Source.REG,
					"A nasal corticosteroid or decongestant was used less than 1 hour ago; give it at least 1 hour before esketamine."));
		}
		// Racemic doses are weight-based; an esketamine dose is a number of devices and needs no weight.
		if (!esketamine) {
			Instant weighed = facts.weightMeasuredAt();
			if (weighed == null) {
				findings.add(new Finding(WEIGHT, Severity.ACKNOWLEDGE, Source.POLICY, "No weight on the chart."));
			}
			else if (weighed.isBefore(facts.checkedInAt().minus(Duration.ofDays(limits.maxWeightAgeDays())))) {
				findings.add(new Finding(WEIGHT, Severity.ACKNOWLEDGE, Source.POLICY,
						"The latest weight is older than " + limits.maxWeightAgeDays() + " days: weigh the patient."));
			}
		}
		return findings;
	}

	private static void fast(List<Finding> findings, String ruleId, String what, @Nullable Instant last, Instant checkedInAt,
			Duration fast, Source source) {
		if (last == null) {
			findings.add(new Finding(ruleId, Severity.ACKNOWLEDGE, source, "When the patient last had " + what + " was not recorded."));
		}
		else if (last.isAfter(checkedInAt.minus(fast))) {
			findings.add(new Finding(ruleId, Severity.ACKNOWLEDGE, source,
					"Last " + what + " less than " + fast.toMinutes() + " minutes before check-in."));
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}
}
