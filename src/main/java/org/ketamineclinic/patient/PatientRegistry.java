package org.ketamineclinic.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask of the registry. Every call is scoped to the caller's clinic,
 * permission-checked and audited, exactly as the web and API calls are.
 */
public interface PatientRegistry {

	UUID register(NewPatient patient);

	Optional<PatientSummary> find(UUID patientId);

	/**
	 * The caller's clinic's patients matching name prefixes, an MRN or a birth date (yyyy-mm-dd),
	 * voided ones left out; the registry's own search with its checks and audit.
	 */
	java.util.List<PatientHit> search(String query);

	record PatientHit(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate) {
	}

	void recordMeasurement(UUID patientId, @Nullable Instant measuredAt, @Nullable BigDecimal weightKg,
			@Nullable BigDecimal heightCm);

	/**
	 * One measurement with any of weight, height, blood pressure, heart rate, respiratory rate and SpO2
	 * (an outside record's vital signs), checked against the same ranges as a dosing session's;
	 * the new measurement's id.
	 */
	UUID recordMeasurement(UUID patientId, NewMeasurement measurement);

	record NewMeasurement(@Nullable Instant measuredAt, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
			@Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer heartRate, @Nullable Integer respiratoryRate,
			@Nullable Integer spo2) {
	}

	/** The new condition's id. */
	UUID recordCondition(UUID patientId, String code, CodeSystem system, @Nullable String display, @Nullable LocalDate onset);

	void recordHistoryFinding(UUID patientId, HistoryFindingCode finding, FindingStatus status, @Nullable String note);

	/** The new medication's id. */
	UUID recordMedication(UUID patientId, String name, @Nullable MedicationClass medicationClass, @Nullable String dose,
			@Nullable LocalDate start, @Nullable LocalDate end);

	/** The new trial's id. */
	UUID recordAntidepressantTrial(UUID patientId, String drug, @Nullable String drugClass, BigDecimal dailyDoseMg,
			LocalDate start, @Nullable LocalDate end, boolean adherent, TrialOutcome outcome, boolean currentEpisode);

	record NewPatient(String givenName, String familyName, LocalDate birthDate, SexAtBirth sexAtBirth,
			@Nullable String phone, @Nullable String email, @Nullable String city, @Nullable String preferredLanguage,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone, @Nullable String escortName,
			@Nullable String escortPhone) {
	}

	/** Enough to name a patient on another module's page. */
	/** What a pre-treatment evaluation reads: the latest body weight and blood pressure and the history. */
	Optional<ClinicalHistory> clinicalHistory(UUID patientId);

	record ClinicalHistory(PatientSummary patient, @Nullable BigDecimal weightKg, @Nullable Instant weightMeasuredAt,
			@Nullable BigDecimal heightCm, @Nullable BloodPressure bloodPressure, @Nullable Instant bloodPressureMeasuredAt, java.util.List<HistoryEntry> findings,
			java.util.List<MedicationEntry> medications, java.util.List<TrialEntry> trials) {
	}

	record HistoryEntry(HistoryFindingCode finding, FindingStatus status, @Nullable String note) {
	}

	record MedicationEntry(String name, @Nullable MedicationClass medicationClass, @Nullable String dose, boolean current) {
	}

	record TrialEntry(String drug, @Nullable String drugClass, BigDecimal dailyDoseMg, LocalDate startDate,
			@Nullable LocalDate endDate, boolean adherent, TrialOutcome outcome, boolean currentEpisode) {
	}

	/** The diagnoses on the chart (not voided), newest first: for printed summaries such as a prior authorisation. */
	java.util.List<ConditionEntry> conditions(UUID patientId);

	record ConditionEntry(String code, CodeSystem system, @Nullable String display, @Nullable LocalDate onsetDate) {
	}

	/** Makes a physician of the clinic the first to receive this patient's alerts. */
	void assignResponsiblePhysician(UUID patientId, @Nullable UUID physicianUserId);

	record PatientSummary(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
			SexAtBirth sexAtBirth, boolean voided, @Nullable UUID responsiblePhysicianId, @Nullable String email) {
	}
}
