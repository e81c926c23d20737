package org.ketamineclinic.evaluation.rules;

import java.time.Duration;
import java.util.List;

/**
 * The clinic's session monitoring thresholds (clinical reference section 6, every one POLICY) with
 * the reference's defaults in {@link #DEFAULTS}. The esketamine label's own rules (fasting, the
 * nasal spray gap, 2 hours before discharge, the 140/90 pre-dose prompt) are not here: they cannot
 * be changed by a clinic.
 *
 * @param severeSystolicAtOrAbove a systolic reading at or above this pauses the infusion and calls the physician
 * @param severeDiastolicAtOrAbove the same for diastolic
 * @param racemicPreDoseSystolic a racemic ketamine pre-dose systolic above this needs a physician's acknowledgement
 * @param racemicPreDoseDiastolic the same for diastolic
 * @param racemicFoodFastMinutes the shortest fast from food before racemic ketamine without an acknowledgement
 * @param racemicLiquidFastMinutes the same for liquids
 * @param heartRateAbove a heart rate above this raises an alert
 * @param heartRateBelow a heart rate below this raises an alert
 * @param spo2SustainedBelow two readings in a row below this raise an alert
 * @param spo2Below one reading below this raises an alert
 * @param respiratoryRateBelow a respiratory rate below this raises an alert
 * @param respiratoryRateAbove a respiratory rate above this raises an alert
 * @param ivInfusionCheckEveryMinutes minutes between vital signs while an IV infusion runs
 * @param afterDoseCheckEveryMinutes minutes between vital signs after the dose
 * @param ivSecondPersonCheck whether an IV dose needs a second member of staff to check it before it runs
 */
public record MonitoringLimits(int severeSystolicAtOrAbove, int severeDiastolicAtOrAbove, int racemicPreDoseSystolic,
		int racemicPreDoseDiastolic, int racemicFoodFastMinutes, int racemicLiquidFastMinutes, int heartRateAbove,
		int heartRateBelow, int spo2SustainedBelow, int spo2Below, int respiratoryRateBelow, int respiratoryRateAbove,
		int ivInfusionCheckEveryMinutes, int afterDoseCheckEveryMinutes, boolean ivSecondPersonCheck) {

	public static final MonitoringLimits DEFAULTS = new MonitoringLimits(180, 110, 140, 90, 120, 30, 120, 50, 92, 90, 10, 30,
			10, 15, false);

	public MonitoringLimits {
		new BloodPressureLimit(severeSystolicAtOrAbove, severeDiastolicAtOrAbove);
		new BloodPressureLimit(racemicPreDoseSystolic, racemicPreDoseDiastolic);
		if (racemicPreDoseSystolic >= severeSystolicAtOrAbove || racemicPreDoseDiastolic >= severeDiastolicAtOrAbove) {
			throw new IllegalArgumentException("the racemic pre-dose limit " + racemicPreDoseSystolic + "/" + racemicPreDoseDiastolic
					+ " must stay below the severe blood pressure alert " + severeSystolicAtOrAbove + "/" + severeDiastolicAtOrAbove);
		}
		if (spo2Below > spo2SustainedBelow) {
			throw new IllegalArgumentException("the single-reading SpO2 alert (" + spo2Below
					+ "%) must not be above the sustained SpO2 alert (" + spo2SustainedBelow + "%)");
		}
		if (heartRateBelow >= heartRateAbove) {
			throw new IllegalArgumentException("the heart rate alerts must leave a normal range, got below " + heartRateBelow
					+ " and above " + heartRateAbove);
		}
		if (respiratoryRateBelow >= respiratoryRateAbove) {
			throw new IllegalArgumentException("the respiratory rate alerts must leave a normal range, got below "
					+ respiratoryRateBelow + " and above " + respiratoryRateAbove);
		}
		if (racemicFoodFastMinutes < 0 || racemicLiquidFastMinutes < 0) {
			throw new IllegalArgumentException("fasting times cannot be negative");
		}
		if (ivInfusionCheckEveryMinutes < 1 || afterDoseCheckEveryMinutes < 1) {
			throw new IllegalArgumentException("vital signs intervals must be at least 1 minute");
		}
	}

	private int[] numbers() {
		return new int[] { severeSystolicAtOrAbove, severeDiastolicAtOrAbove, racemicPreDoseSystolic, racemicPreDoseDiastolic,
				racemicFoodFastMinutes, racemicLiquidFastMinutes, heartRateAbove, heartRateBelow, spo2SustainedBelow, spo2Below,
				respiratoryRateBelow, respiratoryRateAbove, ivInfusionCheckEveryMinutes, afterDoseCheckEveryMinutes };
	}

	private static int indexOf(String component) {
		int index = NUMBERS.indexOf(component);
		if (index < 0) {
			throw new IllegalArgumentException("no monitoring limit named " + component);
		}
		return index;
	}

	public BloodPressureLimit racemicPreDoseLimit() {
		return new BloodPressureLimit(racemicPreDoseSystolic, racemicPreDoseDiastolic);
	}

	public Duration racemicFoodFast() {
		return Duration.ofMinutes(racemicFoodFastMinutes);
	}

	public Duration racemicLiquidFast() {
		return Duration.ofMinutes(racemicLiquidFastMinutes);
	}

	public Duration ivInfusionCheckEvery() {
		return Duration.ofMinutes(ivInfusionCheckEveryMinutes);
	}

	public Duration afterDoseCheckEvery() {
		return Duration.ofMinutes(afterDoseCheckEveryMinutes);
	}

	/**
	 * A copy with one number changed, by the component's name; what the clinic's policy settings use
	 * so that fifteen settings do not need fifteen copy methods.
	 */
	public MonitoringLimits with(String component, int value) {
		int[] v = numbers();
		int index = indexOf(component);
		v[index] = value;
		return new MonitoringLimits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
				ivSecondPersonCheck);
	}

	/** The number a component holds, by its name (the counterpart of {@link #with(String, int)}). */
	public int number(String component) {
		int[] v = numbers();
		int index = indexOf(component);
		return v[index];
	}

	public MonitoringLimits withIvSecondPersonCheck(boolean required) {
		return new MonitoringLimits(severeSystolicAtOrAbove, severeDiastolicAtOrAbove, racemicPreDoseSystolic,
				racemicPreDoseDiastolic, racemicFoodFastMinutes, racemicLiquidFastMinutes, heartRateAbove, heartRateBelow,
				spo2SustainedBelow, spo2Below, respiratoryRateBelow, respiratoryRateAbove, ivInfusionCheckEveryMinutes,
				afterDoseCheckEveryMinutes, required);
	}

	/** The numeric components in declaration order. */
	public static final List<String> NUMBERS = List.of("severeSystolicAtOrAbove", "severeDiastolicAtOrAbove",
			"racemicPreDoseSystolic", "racemicPreDoseDiastolic", "racemicFoodFastMinutes", "racemicLiquidFastMinutes",
			"heartRateAbove", "heartRateBelow", "spo2SustainedBelow", "spo2Below", "respiratoryRateBelow", "respiratoryRateAbove",
			"ivInfusionCheckEveryMinutes", "afterDoseCheckEveryMinutes");
}
