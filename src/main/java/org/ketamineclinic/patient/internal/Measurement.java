package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.BloodPressure;
import org.ketamineclinic.patient.BodyHeight;
import org.ketamineclinic.patient.BodyWeight;

/** Weight and height as measured at one visit; doses use the weight recorded at or before a session. */
@Entity
@Table(name = "patient_measurement")
class Measurement extends ClinicalEntry {

	private Instant measuredAt;

	private @Nullable BigDecimal weightKg;

	private @Nullable BigDecimal heightCm;

	private @Nullable Integer sbp;

	private @Nullable Integer dbp;

	private @Nullable Integer heartRate;

	private @Nullable Integer respiratoryRate;

	private @Nullable Integer spo2;

	protected Measurement() {
	}

	Measurement(Patient patient, Instant measuredAt, @Nullable BodyWeight weight, @Nullable BodyHeight height, Instant now,
			String by) {
		this(patient, measuredAt, weight, height, null, now, by);
	}

	Measurement(Patient patient, Instant measuredAt, @Nullable BodyWeight weight, @Nullable BodyHeight height,
			@Nullable BloodPressure bloodPressure, Instant now, String by) {
		this(patient, measuredAt, weight, height, bloodPressure, null, null, null, now, by);
	}

	/** Heart rate, respiratory rate and SpO2 arrive already range-checked by the service (the session's ranges). */
	Measurement(Patient patient, Instant measuredAt, @Nullable BodyWeight weight, @Nullable BodyHeight height,
			@Nullable BloodPressure bloodPressure, @Nullable Integer heartRate, @Nullable Integer respiratoryRate,
			@Nullable Integer spo2, Instant now, String by) {
		super(patient, now, by);
		if (weight == null && height == null && bloodPressure == null && heartRate == null && respiratoryRate == null
				&& spo2 == null) {
			throw new IllegalArgumentException("a measurement needs at least one value");
		}
		this.heartRate = heartRate;
		this.respiratoryRate = respiratoryRate;
		this.spo2 = spo2;
		this.measuredAt = measuredAt;
		this.weightKg = weight == null ? null : weight.kg();
		this.heightCm = height == null ? null : height.cm();
		this.sbp = bloodPressure == null ? null : bloodPressure.sbp();
		this.dbp = bloodPressure == null ? null : bloodPressure.dbp();
	}

	@Nullable BloodPressure bloodPressure() {
		return sbp == null || dbp == null ? null : new BloodPressure(sbp, dbp);
	}

	@Nullable Integer heartRate() {
		return heartRate;
	}

	@Nullable Integer respiratoryRate() {
		return respiratoryRate;
	}

	@Nullable Integer spo2() {
		return spo2;
	}

	Instant measuredAt() {
		return measuredAt;
	}

	@Nullable BodyWeight weight() {
		return weightKg == null ? null : new BodyWeight(weightKg);
	}

	@Nullable BodyHeight height() {
		return heightCm == null ? null : new BodyHeight(heightCm);
	}
}
