package org.ketamineclinic.session.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;

/**
 * Discharge criteria of clinical reference section 6. Esketamine (REG): at least 2 hours after the
 * first device, sedation resolved (the latest MOAA/S after dosing is 5, alert), dissociation
 * resolved (the clinician confirms), breathing normal (the latest SpO2 at or above the sustained
 * alert level and a respiratory rate, when measured, in range), blood pressure back to a safe
 * level. Racemic ketamine (POLICY): the latest modified Aldrete after dosing meets the clinic's
 * discharge score (9 by default), the infusion has ended, dissociation resolved. Both need the escort confirmed.
 * <p>
 * A safe blood pressure (our reading of the label's words, POLICY): below the severe-alert
 * threshold, and either within the pre-dose limit or at most 20 mmHg systolic above the patient's
 * own pre-dose reading, so a patient whose usual pressure is 145/92 is not held for ever.
 */
final class DischargeRules {

	static final String TWO_HOURS = "DISCHARGE_2_HOURS_AFTER_FIRST_DEVICE";
	static final String SEDATION = "DISCHARGE_SEDATION_RESOLVED";
	static final String DISSOCIATION = "DISCHARGE_DISSOCIATION_RESOLVED";
	static final String BREATHING = "DISCHARGE_BREATHING_NORMAL";
	static final String BLOOD_PRESSURE = "DISCHARGE_BLOOD_PRESSURE_SAFE";
	static final String ALDRETE = "DISCHARGE_ALDRETE_SCORE";
	static final String INFUSION = "DISCHARGE_INFUSION_ENDED";
	static final String ESCORT = "DISCHARGE_ESCORT_CONFIRMED";

	static final Duration ESKETAMINE_MINIMUM = Duration.ofHours(2);
	static final int SAFE_RISE_OVER_BASELINE = 20;
	static final int MOAAS_ALERT = 5;

	record Unmet(String ruleId, String source, String message) {
	}

	/** A few words for the chair board, where a whole message does not fit. */
	static String shortLabel(String ruleId) {
		return switch (ruleId) {
			case TWO_HOURS -> "2 hours";
			case SEDATION -> "sedation";
			case DISSOCIATION -> "dissociation";
			case BREATHING -> "breathing";
			case BLOOD_PRESSURE -> "blood pressure";
			case ALDRETE -> "Aldrete";
			case INFUSION -> "infusion running";
			case ESCORT -> "escort";
			case SessionService.REMAINDER_ACCOUNTED -> "vial remainder";
			default -> ruleId;
		};
	}

	/**
	 * Everything measured after the first dose and up to the discharge time.
	 *
	 * @param aldreteMet whether the latest Aldrete meets the clinic's discharge score; null when none was recorded
	 */
	record Facts(Route route, Instant at, @Nullable Instant firstDoseAt, @Nullable Instant infusionEndsAt, boolean escortConfirmed,
			boolean dissociationResolved, @Nullable Integer latestMoaas, @Nullable Boolean aldreteMet,
			@Nullable VitalSigns latestBloodPressure, @Nullable VitalSigns preDose, @Nullable Integer latestSpo2,
			@Nullable Integer latestRr, BloodPressureLimit preDoseLimit) {
	}

	private DischargeRules() {
	}

	static List<Unmet> unmet(Facts facts, MonitoringLimits settings) {
		List<Unmet> unmet = new ArrayList<>();
		boolean esketamine = facts.route() == Route.IN_ESKETAMINE;
		String source = esketamine ? "REG" : "POLICY";
		Instant first = facts.firstDoseAt();
		if (first == null) {
			unmet.add(new Unmet("DOSE_GIVEN", "POLICY", "No dose was given: cancel or abort the session instead."));
			return unmet;
		}
		if (esketamine) {
			long minutes = Duration.between(first, facts.at()).toMinutes();
			if (facts.at().isBefore(first.plus(ESKETAMINE_MINIMUM))) {
				unmet.add(new Unmet(TWO_HOURS, "REG", minutes + " minutes since the first device; the label requires at least 120."));
			}
			Integer moaas = facts.latestMoaas();
			if (moaas == null || moaas < MOAAS_ALERT) {
				unmet.add(new Unmet(SEDATION, "REG", moaas == null ? "Record a MOAA/S after dosing."
						: "The latest MOAA/S is " + moaas + "; sedation has resolved at 5 (alert)."));
			}
			Integer spo2 = facts.latestSpo2();
			Integer rr = facts.latestRr();
			if (spo2 == null || spo2 < settings.spo2SustainedBelow()
					|| (rr != null && (rr < settings.respiratoryRateBelow() || rr > settings.respiratoryRateAbove()))) {
				unmet.add(new Unmet(BREATHING, "REG", spo2 == null ? "Record SpO2 after dosing."
						: "SpO2 " + spo2 + "%" + (rr == null ? "" : ", respiratory rate " + rr) + ": breathing has not returned to normal."));
			}
			VitalSigns bp = facts.latestBloodPressure();
			if (bp == null) {
				unmet.add(new Unmet(BLOOD_PRESSURE, "REG", "Record a blood pressure before discharge."));
			}
			else if (!safe(bp, facts.preDose(), facts.preDoseLimit(), settings)) {
				unmet.add(new Unmet(BLOOD_PRESSURE, "REG", "Blood pressure " + bp.sbp() + "/" + bp.dbp() + " is not back to a safe level."));
			}
		}
		else {
			Boolean aldrete = facts.aldreteMet();
			if (!Boolean.TRUE.equals(aldrete)) {
				unmet.add(new Unmet(ALDRETE, "POLICY", aldrete == null ? "Record a modified Aldrete score after dosing."
						: "The latest modified Aldrete score is below the clinic's discharge score."));
			}
			Instant ends = facts.infusionEndsAt();
			if (ends != null && facts.at().isBefore(ends)) {
				unmet.add(new Unmet(INFUSION, "POLICY", "The infusion runs until " + ends + "."));
			}
		}
		if (!facts.dissociationResolved()) {
			unmet.add(new Unmet(DISSOCIATION, source, "The clinician confirms that dissociation has resolved."));
		}
		if (!facts.escortConfirmed()) {
			unmet.add(new Unmet(ESCORT, source, "Confirm the responsible adult who takes the patient home."));
		}
		return unmet;
	}

	static boolean safe(VitalSigns bp, @Nullable VitalSigns preDose, BloodPressureLimit limit, MonitoringLimits settings) {
		if (bp.sbp() >= settings.severeSystolicAtOrAbove() || bp.dbp() >= settings.severeDiastolicAtOrAbove()) {
			return false;
		}
		boolean withinLimit = bp.sbp() <= limit.systolic() && bp.dbp() <= limit.diastolic();
		boolean nearBaseline = preDose != null && preDose.hasBloodPressure() && bp.sbp() <= preDose.sbp() + SAFE_RISE_OVER_BASELINE;
		return withinLimit || nearBaseline;
	}
}
