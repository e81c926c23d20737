package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.ConditionDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.HistoryFindingDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MeasurementDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MedicationDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.TrialDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.VoidDraft;
import org.ketamineclinic.patient.internal.ChartViews.PatientView;
import org.ketamineclinic.patient.internal.ChartViews.SearchHit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The "Patients" section of api-contract.md. */
@RestController
@RequestMapping("/api/v1/patients")
class PatientApi {

	/** Registration body: demographics, optionally with a first weight and height. */
	record PatientBody(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate,
			@Nullable String sexAtBirth, @Nullable String genderIdentity, @Nullable String phone, @Nullable String email,
			@Nullable String addressLine, @Nullable String city, @Nullable String region, @Nullable String postalCode,
			@Nullable String preferredLanguage, @Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String emergencyContactRelationship, @Nullable String escortName, @Nullable String escortPhone,
			@Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg, @Nullable Long version) {

		Demographics.Draft demographics() {
			return new Demographics.Draft(givenName, familyName, birthDate, sexAtBirth, genderIdentity, phone, email, addressLine,
					city, region, postalCode, preferredLanguage, emergencyContactName, emergencyContactPhone,
					emergencyContactRelationship, escortName, escortPhone);
		}
	}

	private final PatientService patients;

	PatientApi(PatientService patients) {
		this.patients = patients;
	}

	@PostMapping
	ResponseEntity<PatientView> register(@RequestBody PatientBody body) {
		MeasurementDraft first = body.weightKg() == null && body.heightCm() == null ? null
				: new MeasurementDraft(null, body.weightKg(), body.heightCm());
		PatientView created = patients.register(body.demographics(), first);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + created.id())).body(created);
	}

	@GetMapping
	List<SearchHit> search(@RequestParam(required = false) @Nullable String query) {
		return patients.search(query);
	}

	@GetMapping("/{id}")
	PatientView view(@PathVariable UUID id) {
		return patients.view(id);
	}

	/** Corrects demographics; {@code version} must be the one read, or the answer is 409. */
	@PutMapping("/{id}")
	PatientView correct(@PathVariable UUID id, @RequestBody PatientBody body) {
		return patients.correct(id, body.demographics(), body.version());
	}

	@PostMapping("/{id}/void")
	PatientView voidRegistration(@PathVariable UUID id, @RequestBody VoidDraft body) {
		return patients.voidRegistration(id, body);
	}

	record ResponsiblePhysicianBody(@Nullable UUID physicianId) {
	}

	@PutMapping("/{id}/responsible-physician")
	PatientView assignResponsiblePhysician(@PathVariable UUID id, @RequestBody ResponsiblePhysicianBody body) {
		return patients.assignResponsiblePhysician(id, body.physicianId());
	}

	@GetMapping("/{id}/chart")
	ChartViews.Chart chart(@PathVariable UUID id) {
		return patients.chart(id);
	}

	@GetMapping("/{id}/measurements")
	List<ChartViews.MeasurementView> measurements(@PathVariable UUID id) {
		return patients.chart(id).measurements();
	}

	@PostMapping("/{id}/measurements")
	ResponseEntity<ChartViews.MeasurementView> measure(@PathVariable UUID id, @RequestBody MeasurementDraft body) {
		return created(id, "measurements", patients.addMeasurement(id, body), ChartViews.MeasurementView::id);
	}

	@PostMapping("/{id}/conditions")
	ResponseEntity<ChartViews.ConditionView> condition(@PathVariable UUID id, @RequestBody ConditionDraft body) {
		return created(id, "conditions", patients.addCondition(id, body), ChartViews.ConditionView::id);
	}

	@PostMapping("/{id}/history-findings")
	ResponseEntity<ChartViews.HistoryFindingView> finding(@PathVariable UUID id, @RequestBody HistoryFindingDraft body) {
		return created(id, "history-findings", patients.addHistoryFinding(id, body), ChartViews.HistoryFindingView::id);
	}

	@PostMapping("/{id}/medications")
	ResponseEntity<ChartViews.MedicationView> medication(@PathVariable UUID id, @RequestBody MedicationDraft body) {
		return created(id, "medications", patients.addMedication(id, body), ChartViews.MedicationView::id);
	}

	@PostMapping("/{id}/antidepressant-trials")
	ResponseEntity<ChartViews.TrialView> trial(@PathVariable UUID id, @RequestBody TrialDraft body) {
		return created(id, "antidepressant-trials", patients.addAntidepressantTrial(id, body), ChartViews.TrialView::id);
	}

	private static <T> ResponseEntity<T> created(UUID patient, String collection, T entry,
			java.util.function.Function<T, UUID> id) {
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patient + "/" + collection + "/" + id.apply(entry)))
			.body(entry);
	}

}
