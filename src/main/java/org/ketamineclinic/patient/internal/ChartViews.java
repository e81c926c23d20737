package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.BodyMeasures;
import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;

/** What the API returns and the chart shows: read-only copies, never entities. */
final class ChartViews {

	private ChartViews() {
	}

	record PatientView(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate, int ageYears,
			SexAtBirth sexAtBirth, @Nullable String genderIdentity, @Nullable String phone, @Nullable String email,
			@Nullable String addressLine, @Nullable String city, @Nullable String region, @Nullable String postalCode,
			@Nullable String preferredLanguage, @Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String emergencyContactRelationship, @Nullable String escortName, @Nullable String escortPhone,
			@Nullable BigDecimal weightKg, @Nullable Instant weightMeasuredAt, boolean weightOlderThan30Days,
			@Nullable BigDecimal heightCm, @Nullable BigDecimal bmi, @Nullable BigDecimal idealBodyWeightKg,
			@Nullable BigDecimal adjustedBodyWeightKg, @Nullable UUID responsiblePhysicianId, boolean voided,
			@Nullable String voidReason, long version,
			Instant createdAt, String createdBy, @Nullable Instant changedAt, @Nullable String changedBy) {

		static PatientView of(Patient patient, LocalDate today, BodyMeasures body, @Nullable Instant weightMeasuredAt,
				boolean weightOutdated) {
			Demographics d = patient.demographics();
			return new PatientView(patient.id(), patient.mrn(), d.givenName(), d.familyName(), d.birthDate(),
					patient.ageOn(today), d.sexAtBirth(), d.genderIdentity(), d.phone(), d.email(), d.addressLine(), d.city(),
					d.region(), d.postalCode(), d.preferredLanguage(), d.emergencyContactName(), d.emergencyContactPhone(),
					d.emergencyContactRelationship(), d.escortName(), d.escortPhone(), body.weightKg(), weightMeasuredAt,
					weightOutdated, body.heightCm(), body.bmi(), body.idealBodyWeightKg(), body.adjustedBodyWeightKg(),
					patient.responsiblePhysicianId(), patient.isVoided(), patient.voidReason(), patient.version(), patient.createdAt(), patient.createdBy(),
					patient.changedAt(), patient.changedBy());
		}

		String displayName() {
			return familyName + ", " + givenName;
		}
	}

	record SearchHit(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate, SexAtBirth sexAtBirth) {
	}

	record MeasurementView(UUID id, Instant measuredAt, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
			@Nullable BigDecimal bmi, @Nullable Integer sbp, @Nullable Integer dbp, Instant createdAt, String createdBy) {
	}

	record ConditionView(UUID id, String code, CodeSystem system, @Nullable String display, @Nullable LocalDate onsetDate,
			Instant createdAt, String createdBy) {

		static ConditionView of(Condition c) {
			return new ConditionView(c.id(), c.code(), c.system(), c.display(), c.onsetDate(), c.createdAt(), c.createdBy());
		}
	}

	record HistoryFindingView(UUID id, HistoryFindingCode finding, String label, FindingStatus status, @Nullable String note,
			Instant createdAt, String createdBy) {

		static HistoryFindingView of(HistoryFinding f) {
			return new HistoryFindingView(f.id(), f.finding(), f.finding().label(), f.status(), f.note(), f.createdAt(),
					f.createdBy());
		}
	}

	record MedicationView(UUID id, String name, @Nullable MedicationClass medicationClass, @Nullable String dose,
			@Nullable LocalDate startDate, @Nullable LocalDate endDate, boolean current, Instant createdAt, String createdBy) {

		static MedicationView of(Medication m, LocalDate today) {
			return new MedicationView(m.id(), m.name(), m.medicationClass(), m.dose(), m.startDate(), m.endDate(),
					m.isCurrentOn(today), m.createdAt(), m.createdBy());
		}
	}

	record TrialView(UUID id, String drug, @Nullable String drugClass, BigDecimal dailyDoseMg, LocalDate startDate,
			@Nullable LocalDate endDate, boolean adherent, TrialOutcome outcome, boolean currentEpisode, Instant createdAt,
			String createdBy) {

		static TrialView of(AntidepressantTrial t) {
			return new TrialView(t.id(), t.drug(), t.drugClass(), t.dailyDoseMg(), t.startDate(), t.endDate(), t.adherent(),
					t.outcome(), t.currentEpisode(), t.createdAt(), t.createdBy());
		}
	}

	record Chart(PatientView patient, List<MeasurementView> measurements, List<ConditionView> conditions,
			List<HistoryFindingView> historyFindings, List<MedicationView> medications, List<TrialView> trials) {
	}
}
