package org.ketamineclinic.session.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's session thresholds (clinical reference section 6, all POLICY) with the reference's
 * defaults. The esketamine label's rules (fasting, nasal spray gap, 2 hours before discharge) are
 * not here: they cannot be changed.
 *
 * @param ivSecondPersonCheck whether an IV dose needs a second member of staff to check it before it runs
 * @param remsSettingName the healthcare setting's name as the REMS knows it, printed on the REMS form
 * @param remsSettingAddress its address, printed on the REMS form
 */
@ConfigurationProperties("clinic.session")
record SessionSettings(
		@DefaultValue("180") int severeSystolicAtOrAbove,
		@DefaultValue("110") int severeDiastolicAtOrAbove,
		@DefaultValue("140") int racemicPreDoseSystolic,
		@DefaultValue("90") int racemicPreDoseDiastolic,
		@DefaultValue("120m") Duration racemicFoodFast,
		@DefaultValue("30m") Duration racemicLiquidFast,
		@DefaultValue("120") int heartRateAbove,
		@DefaultValue("50") int heartRateBelow,
		@DefaultValue("92") int spo2SustainedBelow,
		@DefaultValue("90") int spo2Below,
		@DefaultValue("10") int respiratoryRateBelow,
		@DefaultValue("30") int respiratoryRateAbove,
		@DefaultValue("10m") Duration ivInfusionCheckEvery,
		@DefaultValue("15m") Duration afterDoseCheckEvery,
		@DefaultValue("false") boolean ivSecondPersonCheck,
		@Nullable String remsSettingName,
		@Nullable String remsSettingAddress) {

	SessionSettings {
		if (spo2Below > spo2SustainedBelow) {
			throw new IllegalArgumentException("clinic.session.spo2-below must not exceed spo2-sustained-below");
		}
		if (heartRateBelow >= heartRateAbove || respiratoryRateBelow >= respiratoryRateAbove) {
			throw new IllegalArgumentException("clinic.session heart-rate and respiratory-rate limits must leave a normal range");
		}
		new BloodPressureLimit(racemicPreDoseSystolic, racemicPreDoseDiastolic);
		new BloodPressureLimit(severeSystolicAtOrAbove, severeDiastolicAtOrAbove);
	}

	static final SessionSettings DEFAULTS = new SessionSettings(180, 110, 140, 90, Duration.ofMinutes(120), Duration.ofMinutes(30),
			120, 50, 92, 90, 10, 30, Duration.ofMinutes(10), Duration.ofMinutes(15), false, null, null);

	BloodPressureLimit racemicPreDoseLimit() {
		return new BloodPressureLimit(racemicPreDoseSystolic, racemicPreDoseDiastolic);
	}
}
