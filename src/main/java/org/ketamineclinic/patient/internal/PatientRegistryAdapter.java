package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.TrialOutcome;
import org.ketamineclinic.platform.NotFound;
import org.springframework.stereotype.Component;

/** The registry's public face, over the same checked and audited use cases as the API. */
@Component
class PatientRegistryAdapter implements PatientRegistry {

	private final PatientService service;

	PatientRegistryAdapter(PatientService service) {
		this.service = service;
	}

	@Override
	public UUID register(NewPatient p) {
		return service.register(new Demographics.Draft(p.givenName(), p.familyName(), p.birthDate(), p.sexAtBirth().name(),
				null, p.phone(), p.email(), null, p.city(), null, null, p.preferredLanguage(), p.emergencyContactName(),
				p.emergencyContactPhone(), null, p.escortName(), p.escortPhone()), null).id();
	}

	@Override
	public Optional<PatientSummary> find(UUID patientId) {
		try {
			return Optional.of(service.summary(patientId));
		}
		catch (NotFound notFound) {
			return Optional.empty();
		}
	}

	@Override
	public java.util.List<PatientHit> search(String query) {
		return service.search(query).stream()
			.map(hit -> new PatientHit(hit.id(), hit.mrn(), hit.givenName(), hit.familyName(), hit.birthDate()))
			.toList();
	}

	@Override
	public Optional<ClinicalHistory> clinicalHistory(UUID patientId) {
		ChartViews.Chart chart;
		try {
			chart = service.chart(patientId);
		}
		catch (NotFound notFound) {
			return Optional.empty();
		}
		ChartViews.PatientView p = chart.patient();
		ChartViews.MeasurementView lastBp = chart.measurements().stream().filter(m -> m.sbp() != null).findFirst().orElse(null);
		return Optional.of(new ClinicalHistory(
				new PatientSummary(p.id(), p.mrn(), p.givenName(), p.familyName(), p.birthDate(), p.sexAtBirth(), p.voided(),
						p.responsiblePhysicianId(), p.email()),
				p.weightKg(), p.weightMeasuredAt(), p.heightCm(),
				lastBp == null ? null : new org.ketamineclinic.patient.BloodPressure(lastBp.sbp(), lastBp.dbp()),
				lastBp == null ? null : lastBp.measuredAt(),
				chart.historyFindings().stream().map(f -> new HistoryEntry(f.finding(), f.status(), f.note())).toList(),
				chart.medications().stream().map(m -> new MedicationEntry(m.name(), m.medicationClass(), m.dose(), m.current())).toList(),
				chart.trials().stream().map(t -> new TrialEntry(t.drug(), t.drugClass(), t.dailyDoseMg(), t.startDate(), t.endDate(),
						t.adherent(), t.outcome(), t.currentEpisode())).toList()));
	}

	@Override
	public java.util.List<ConditionEntry> conditions(UUID patientId) {
		return service.chart(patientId).conditions().stream()
			.map(c -> new ConditionEntry(c.code(), c.system(), c.display(), c.onsetDate()))
			.toList();
	}

	@Override
	public void assignResponsiblePhysician(UUID patientId, @Nullable UUID physicianUserId) {
		service.assignResponsiblePhysician(patientId, physicianUserId);
	}

	@Override
	public void recordMeasurement(UUID patientId, @Nullable Instant measuredAt, @Nullable BigDecimal weightKg,
			@Nullable BigDecimal heightCm) {
		service.addMeasurement(patientId, new ChartEntryDrafts.MeasurementDraft(measuredAt, weightKg, heightCm));
	}

	@Override
	public UUID recordMeasurement(UUID patientId, NewMeasurement m) {
		return service.addMeasurement(patientId, new ChartEntryDrafts.MeasurementDraft(m.measuredAt(), m.weightKg(),
				m.heightCm(), m.sbp(), m.dbp(), m.heartRate(), m.respiratoryRate(), m.spo2())).id();
	}

	@Override
	public UUID recordCondition(UUID patientId, String code, CodeSystem system, @Nullable String display,
			@Nullable LocalDate onset) {
		return service.addCondition(patientId, new ChartEntryDrafts.ConditionDraft(code, system.name(), display, onset)).id();
	}

	@Override
	public void recordHistoryFinding(UUID patientId, HistoryFindingCode finding, FindingStatus status, @Nullable String note) {
		service.addHistoryFinding(patientId, new ChartEntryDrafts.HistoryFindingDraft(finding.name(), status.name(), note));
	}

	@Override
	public UUID recordMedication(UUID patientId, String name, @Nullable MedicationClass medicationClass, @Nullable String dose,
			@Nullable LocalDate start, @Nullable LocalDate end) {
		return service.addMedication(patientId, new ChartEntryDrafts.MedicationDraft(name,
				medicationClass == null ? null : medicationClass.name(), dose, start, end)).id();
	}

	@Override
	public UUID recordAntidepressantTrial(UUID patientId, String drug, @Nullable String drugClass, BigDecimal dailyDoseMg,
			LocalDate start, @Nullable LocalDate end, boolean adherent, TrialOutcome outcome, boolean currentEpisode) {
		return service.addAntidepressantTrial(patientId, new ChartEntryDrafts.TrialDraft(drug, drugClass, dailyDoseMg, start, end,
				adherent, outcome.name(), currentEpisode)).id();
	}
}
