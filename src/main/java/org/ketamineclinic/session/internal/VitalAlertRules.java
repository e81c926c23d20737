package org.ketamineclinic.session.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;

/**
 * The alert thresholds of clinical reference section 6 for one reading, with the clinic's numbers.
 * A reading may raise several alerts; SpO2 below the critical level raises only the critical one.
 */
final class VitalAlertRules {

	static final String BLOOD_PRESSURE_SEVERE = "BLOOD_PRESSURE_SEVERE";
	static final String HEART_RATE_HIGH = "HEART_RATE_HIGH";
	static final String HEART_RATE_LOW = "HEART_RATE_LOW";
	static final String SPO2_LOW_SUSTAINED = "SPO2_LOW_SUSTAINED";
	static final String SPO2_CRITICAL = "SPO2_CRITICAL";
	static final String RESPIRATORY_RATE_LOW = "RESPIRATORY_RATE_LOW";
	static final String RESPIRATORY_RATE_HIGH = "RESPIRATORY_RATE_HIGH";

	static final String NOTIFY = "NOTIFY";
	static final String URGENT = "URGENT";
	static final String EMERGENCY = "EMERGENCY";

	record Alert(String code, String severity, String message) {
	}

	private VitalAlertRules() {
	}

	/**
	 * @param previousSpo2 the session's SpO2 reading just before this one, for the sustained rule
	 */
	static List<Alert> evaluate(VitalSigns reading, @Nullable Integer previousSpo2, MonitoringLimits limits) {
		List<Alert> alerts = new ArrayList<>();
		if (reading.hasBloodPressure()
				&& (reading.sbp() >= limits.severeSystolicAtOrAbove() || reading.dbp() >= limits.severeDiastolicAtOrAbove())) {
			alerts.add(new Alert(BLOOD_PRESSURE_SEVERE, URGENT, "Blood pressure " + reading.sbp() + "/" + reading.dbp()
					+ ": pause the infusion, recheck in 5 minutes, notify the physician."));
		}
		Integer hr = reading.hr();
		if (hr != null && hr > limits.heartRateAbove()) {
			alerts.add(new Alert(HEART_RATE_HIGH, NOTIFY, "Heart rate " + hr + " above " + limits.heartRateAbove() + ": notify."));
		}
		if (hr != null && hr < limits.heartRateBelow()) {
			alerts.add(new Alert(HEART_RATE_LOW, NOTIFY, "Heart rate " + hr + " below " + limits.heartRateBelow() + ": notify."));
		}
		Integer spo2 = reading.spo2();
		if (spo2 != null && spo2 < limits.spo2Below()) {
			alerts.add(new Alert(SPO2_CRITICAL, EMERGENCY, "SpO2 " + spo2 + "%: stop, give oxygen, notify."));
		}
		else if (spo2 != null && spo2 < limits.spo2SustainedBelow() && previousSpo2 != null
				&& previousSpo2 < limits.spo2SustainedBelow()) {
			alerts.add(new Alert(SPO2_LOW_SUSTAINED, URGENT, "SpO2 below " + limits.spo2SustainedBelow()
					+ "% on two readings in a row: stop, give oxygen, notify."));
		}
		Integer rr = reading.rr();
		if (rr != null && rr < limits.respiratoryRateBelow()) {
			alerts.add(new Alert(RESPIRATORY_RATE_LOW, NOTIFY, "Respiratory rate " + rr + " below " + limits.respiratoryRateBelow() + ": notify."));
		}
		if (rr != null && rr > limits.respiratoryRateAbove()) {
			alerts.add(new Alert(RESPIRATORY_RATE_HIGH, NOTIFY, "Respiratory rate " + rr + " above " + limits.respiratoryRateAbove() + ": notify."));
		}
		return alerts;
	}
}
