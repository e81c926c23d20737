package org.ketamineclinic.patient.internal;

import static org.ketamineclinic.patient.internal.Demographics.optional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.BloodPressure;
import org.ketamineclinic.patient.BodyHeight;
import org.ketamineclinic.patient.BodyMeasures;
import org.ketamineclinic.patient.BodyWeight;
import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.PatientRegistered;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.patient.TrialOutcome;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.ConditionDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.HistoryFindingDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MeasurementDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MedicationDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.TrialDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.VoidDraft;
import org.ketamineclinic.patient.internal.ChartViews.Chart;
import org.ketamineclinic.patient.internal.ChartViews.MeasurementView;
import org.ketamineclinic.patient.internal.ChartViews.PatientView;
import org.ketamineclinic.patient.internal.ChartViews.SearchHit;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's use cases. Every method names the caller's clinic in its queries, checks the
 * role, and writes an audit entry in the same transaction as the work it records.
 */
@Service
@Transactional
class PatientService {

	static final String RESOURCE = "Patient";
	static final int SEARCH_LIMIT = 50;
	/** POLICY (clinical reference, section 5): a dosing weight older than this raises a warning. */
	static final Duration WEIGHT_FRESHNESS = Duration.ofDays(30);
	/** Charting after the fact is fine; a time more than five minutes ahead is a typo (api-contract). */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern MRN = Pattern.compile("[Kk]\\d{1,9}");

	private final Patients patients;
	private final Measurements measurements;
	private final Conditions conditions;
	private final HistoryFindings historyFindings;
	private final Medications medications;
	private final AntidepressantTrials trials;
	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final org.ketamineclinic.identity.Accounts accounts;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ClinicTimeZone zone;

	PatientService(Patients patients, Measurements measurements, Conditions conditions, HistoryFindings historyFindings,
			Medications medications, AntidepressantTrials trials, JdbcTemplate jdbc, CurrentUser currentUser,
			org.ketamineclinic.identity.Accounts accounts, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			ClinicTimeZone zone) {
		this.accounts = accounts;
		this.patients = patients;
		this.measurements = measurements;
		this.conditions = conditions;
		this.historyFindings = historyFindings;
		this.medications = medications;
		this.trials = trials;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize(PatientPermissions.REGISTER)
	PatientView register(Demographics.Draft draft, @Nullable MeasurementDraft firstMeasurement) {
		ClinicUser user = currentUser.get();
		FieldChecks checks = new FieldChecks();
		MeasurementValues values = firstMeasurement == null ? null : measurementValues(firstMeasurement, checks, false);
		Demographics demographics = Demographics.check(draft, today(), checks);
		long number = Objects.requireNonNull(jdbc.queryForObject("""
				INSERT INTO patient_mrn_counter (clinic_id, last_value) VALUES (?, 1)
				ON CONFLICT (clinic_id) DO UPDATE SET last_value = patient_mrn_counter.last_value + 1
				RETURNING last_value""", Long.class, user.clinicId().value()));
		Patient patient = patients.save(new Patient(user.clinicId(), "K%06d".formatted(number), demographics, now(),
				user.username()));
		audit.changed(patient.id(), RESOURCE, patient.id(), AuditAction.CREATE);
		if (values != null && values.hasAny()) {
			Measurement measurement = measurements.save(new Measurement(patient, values.at(), values.weight(), values.height(),
					now(), user.username()));
			audit.changed(patient.id(), "Measurement", measurement.id(), AuditAction.CREATE);
		}
		events.publishEvent(new PatientRegistered(patient.id(), user.clinicId()));
		return viewOf(patient);
	}

	@PreAuthorize(PatientPermissions.READ)
	PatientView view(UUID id) {
		Patient patient = visible(id);
		audit.read(patient.id(), RESOURCE, patient.id());
		return viewOf(patient);
	}

	/** Who the patient is, for other modules: the same checks and audit as {@link #view}, without the body measures. */
	@PreAuthorize(PatientPermissions.READ)
	PatientSummary summary(UUID id) {
		Patient patient = visible(id);
		audit.read(patient.id(), RESOURCE, patient.id());
		return summaryOf(patient);
	}

	static PatientSummary summaryOf(Patient patient) {
		Demographics d = patient.demographics();
		return new PatientSummary(patient.id(), patient.mrn(), d.givenName(),
				d.familyName(), d.birthDate(), d.sexAtBirth(), patient.isVoided(), patient.responsiblePhysicianId(), d.email());
	}

	@PreAuthorize(PatientPermissions.READ)
	Chart chart(UUID id) {
		Patient patient = visible(id);
		audit.read(patient.id(), "Chart", patient.id());
		LocalDate today = today();
		List<Measurement> measured = measurements.findByPatientIdAndVoidedAtIsNullOrderByMeasuredAtDesc(id);
		return new Chart(viewOf(patient, measured), measurementViews(measured),
				conditions.findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(id).stream().map(ChartViews.ConditionView::of).toList(),
				historyFindings.findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(id).stream()
					.map(ChartViews.HistoryFindingView::of).toList(),
				medications.findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(id).stream()
					.map(medication -> ChartViews.MedicationView.of(medication, today)).toList(),
				trials.findByPatientIdAndVoidedAtIsNullOrderByStartDateDesc(id).stream().map(ChartViews.TrialView::of).toList());
	}

	/**
	 * Name prefixes (every word must start a given or family name), an MRN, or a birth date
	 * (yyyy-mm-dd). Voided registrations are left out.
	 */
	@PreAuthorize(PatientPermissions.SEARCH)
	List<SearchHit> search(@Nullable String query) {
		UUID clinic = currentUser.clinic().value();
		StringBuilder sql = new StringBuilder("""
				SELECT id, mrn, given_name, family_name, birth_date, sex_at_birth FROM patient
				WHERE clinic_id = ? AND voided_at IS NULL""");
		List<Object> args = new ArrayList<>(List.of(clinic));
		String text = query == null ? "" : query.strip();
		if (ISO_DATE.matcher(text).matches()) {
			LocalDate birthDate = parseDate(text);
			if (birthDate == null) {
				return List.of();
			}
			sql.append(" AND birth_date = ?");
			args.add(birthDate);
		}
		else if (MRN.matcher(text).matches()) {
			sql.append(" AND mrn = ?");
			args.add(text.toUpperCase(Locale.ROOT));
		}
		else {
			for (String word : text.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
				if (!word.isEmpty()) {
					String prefix = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
					sql.append(" AND (lower(family_name) LIKE ? OR lower(given_name) LIKE ?)");
					args.add(prefix);
					args.add(prefix);
				}
			}
		}
		sql.append(" ORDER BY lower(family_name), lower(given_name), birth_date LIMIT ").append(SEARCH_LIMIT);
		List<SearchHit> hits = jdbc.query(sql.toString(), (rs, row) -> new SearchHit(rs.getObject("id", UUID.class),
				rs.getString("mrn"), rs.getString("given_name"), rs.getString("family_name"),
				rs.getObject("birth_date", LocalDate.class),
				org.ketamineclinic.patient.SexAtBirth.valueOf(rs.getString("sex_at_birth"))), args.toArray());
		audit.searched(RESOURCE, hits.size());
		return hits;
	}

	@PreAuthorize(PatientPermissions.REGISTER)
	PatientView correct(UUID id, Demographics.Draft draft, @Nullable Long version) {
		FieldChecks checks = new FieldChecks().require("version", version);
		Demographics demographics = Demographics.check(draft, today(), checks);
		Patient patient = visible(id);
		patient.correct(demographics, version, now(), currentUser.get().username());
		patients.saveAndFlush(patient);
		audit.changed(patient.id(), RESOURCE, patient.id(), AuditAction.UPDATE);
		return viewOf(patient);
	}

	@PreAuthorize(PatientPermissions.VOID)
	PatientView voidRegistration(UUID id, VoidDraft draft) {
		FieldChecks checks = new FieldChecks().require("reason", draft.reason()).require("version", draft.version());
		String reason = optional(draft.reason(), 500, "reason", checks);
		checks.throwIfAny();
		Patient patient = visible(id);
		patient.voidRegistration(reason, draft.version(), now(), currentUser.get().username());
		patients.saveAndFlush(patient);
		audit.changed(patient.id(), RESOURCE, patient.id(), AuditAction.VOID);
		return viewOf(patient);
	}

	/** Physicians and nurses decide who is the patient's physician; the account must be a physician of this clinic. */
	@PreAuthorize(PatientPermissions.TAKE_HISTORY)
	PatientView assignResponsiblePhysician(UUID id, @Nullable UUID physicianUserId) {
		ClinicUser user = currentUser.get();
		if (physicianUserId != null && accounts.staff(user.clinicId(), org.ketamineclinic.identity.Role.PHYSICIAN).stream()
			.noneMatch(physician -> physician.userId().equals(physicianUserId))) {
			throw new org.ketamineclinic.platform.InvalidInput("responsiblePhysicianId", "is not a physician of this clinic");
		}
		Patient patient = visible(id);
		patient.assignResponsiblePhysician(physicianUserId, now(), user.username());
		audit.changed(patient.id(), RESOURCE, patient.id(), AuditAction.UPDATE);
		return viewOf(patient);
	}

	@PreAuthorize(PatientPermissions.MEASURE)
	MeasurementView addMeasurement(UUID id, MeasurementDraft draft) {
		FieldChecks checks = new FieldChecks();
		MeasurementValues values = measurementValues(draft, checks, true);
		checks.throwIfAny();
		Patient patient = visible(id);
		Measurement measurement = measurements.save(new Measurement(patient, values.at(), values.weight(), values.height(),
				values.bloodPressure(), values.heartRate(), values.respiratoryRate(), values.spo2(), now(),
				currentUser.get().username()));
		audit.changed(patient.id(), "Measurement", measurement.id(), AuditAction.CREATE);
		historyChanged(patient, "measurement");
		return measurementViews(List.of(measurement)).get(0);
	}

	@PreAuthorize(PatientPermissions.DIAGNOSE)
	ChartViews.ConditionView addCondition(UUID id, ConditionDraft draft) {
		FieldChecks checks = new FieldChecks().require("code", draft.code());
		CodeSystem system = checks.check("system", () -> Codes.parse(CodeSystem.class, draft.system()));
		String code = draft.code() == null ? null : draft.code().strip().toUpperCase(Locale.ROOT);
		if (system != null && code != null) {
			checks.rule(system.accepts(code), "code", "is not a well-formed " + system + " code");
		}
		String display = optional(draft.display(), 200, "display", checks);
		notInFuture(draft.onsetDate(), "onsetDate", checks);
		checks.throwIfAny();
		Patient patient = visible(id);
		Condition condition = conditions.save(new Condition(patient, code, system, display, draft.onsetDate(), now(),
				currentUser.get().username()));
		audit.changed(patient.id(), "Condition", condition.id(), AuditAction.CREATE);
		return ChartViews.ConditionView.of(condition);
	}

	@PreAuthorize(PatientPermissions.TAKE_HISTORY)
	ChartViews.HistoryFindingView addHistoryFinding(UUID id, HistoryFindingDraft draft) {
		FieldChecks checks = new FieldChecks();
		HistoryFindingCode finding = checks.check("finding", () -> Codes.parse(HistoryFindingCode.class, draft.finding()));
		FindingStatus status = checks.check("status", () -> Codes.parse(FindingStatus.class, draft.status()));
		String note = optional(draft.note(), 1000, "note", checks);
		checks.throwIfAny();
		Patient patient = visible(id);
		HistoryFinding saved = historyFindings.save(new HistoryFinding(patient, finding, status, note, now(),
				currentUser.get().username()));
		audit.changed(patient.id(), "HistoryFinding", saved.id(), AuditAction.CREATE);
		historyChanged(patient, "history finding");
		return ChartViews.HistoryFindingView.of(saved);
	}

	@PreAuthorize(PatientPermissions.TAKE_HISTORY)
	ChartViews.MedicationView addMedication(UUID id, MedicationDraft draft) {
		FieldChecks checks = new FieldChecks().require("name", draft.name());
		String name = optional(draft.name(), 200, "name", checks);
		MedicationClass medicationClass = draft.medicationClass() == null || draft.medicationClass().isBlank() ? null
				: checks.check("medicationClass", () -> Codes.parse(MedicationClass.class, draft.medicationClass()));
		String dose = optional(draft.dose(), 100, "dose", checks);
		dateRange(draft.startDate(), draft.endDate(), checks);
		checks.throwIfAny();
		Patient patient = visible(id);
		Medication saved = medications.save(new Medication(patient, name, medicationClass, dose, draft.startDate(),
				draft.endDate(), now(), currentUser.get().username()));
		audit.changed(patient.id(), "Medication", saved.id(), AuditAction.CREATE);
		historyChanged(patient, "medication");
		return ChartViews.MedicationView.of(saved, today());
	}

	@PreAuthorize(PatientPermissions.TAKE_HISTORY)
	ChartViews.TrialView addAntidepressantTrial(UUID id, TrialDraft draft) {
		FieldChecks checks = new FieldChecks().require("drug", draft.drug()).require("dailyDoseMg", draft.dailyDoseMg())
			.require("startDate", draft.startDate()).require("adherent", draft.adherent())
			.require("currentEpisode", draft.currentEpisode());
		String drug = optional(draft.drug(), 100, "drug", checks);
		String drugClass = optional(draft.drugClass(), 60, "drugClass", checks);
		TrialOutcome outcome = checks.check("outcome", () -> Codes.parse(TrialOutcome.class, draft.outcome()));
		BigDecimal dose = draft.dailyDoseMg();
		if (dose != null) {
			checks.rule(dose.signum() > 0 && dose.compareTo(BigDecimal.valueOf(10_000)) <= 0, "dailyDoseMg",
					"must be more than 0 and at most 10000 mg");
		}
		notInFuture(draft.startDate(), "startDate", checks);
		dateRange(draft.startDate(), draft.endDate(), checks);
		checks.throwIfAny();
		Patient patient = visible(id);
		AntidepressantTrial saved = trials.save(new AntidepressantTrial(patient, drug, drugClass, dose, draft.startDate(),
				draft.endDate(), draft.adherent(), outcome, draft.currentEpisode(), now(), currentUser.get().username()));
		audit.changed(patient.id(), "AntidepressantTrial", saved.id(), AuditAction.CREATE);
		historyChanged(patient, "antidepressant trial");
		return ChartViews.TrialView.of(saved);
	}

	/**
	 * The patient if the caller may see it. Another clinic's patient, another patient's record
	 * for a patient account, and a missing id all look the same to the caller: not found. The
	 * attempt is recorded as denied.
	 */
	private Patient visible(UUID id) {
		ClinicUser user = currentUser.get();
		Patient patient = patients.findByClinicIdAndId(user.clinicId().value(), id).orElse(null);
		if (patient == null || !user.maySee(patient.id())) {
			audit.denied(patient == null ? null : patient.id(), RESOURCE, id, AuditAction.READ);
			throw new NotFound(RESOURCE, id);
		}
		return patient;
	}

	private void historyChanged(Patient patient, String what) {
		events.publishEvent(new org.ketamineclinic.patient.PatientHistoryChanged(patient.id(),
				new org.ketamineclinic.identity.ClinicId(patient.clinicId()), what));
	}

	private PatientView viewOf(Patient patient) {
		return viewOf(patient, measurements.findByPatientIdAndVoidedAtIsNullOrderByMeasuredAtDesc(patient.id()));
	}

	private PatientView viewOf(Patient patient, List<Measurement> newestFirst) {
		Measurement lastWeight = newestFirst.stream().filter(m -> m.weight() != null).findFirst().orElse(null);
		Measurement lastHeight = newestFirst.stream().filter(m -> m.height() != null).findFirst().orElse(null);
		BodyMeasures body = BodyMeasures.of(lastWeight == null ? null : lastWeight.weight(),
				lastHeight == null ? null : lastHeight.height(), patient.sexAtBirth());
		Instant weighedAt = lastWeight == null ? null : lastWeight.measuredAt();
		boolean outdated = weighedAt != null && weighedAt.isBefore(now().minus(WEIGHT_FRESHNESS));
		return PatientView.of(patient, today(), body, weighedAt, outdated);
	}

	/** Each row's BMI uses that row's weight and the latest height known at that time. */
	private static List<MeasurementView> measurementViews(List<Measurement> newestFirst) {
		List<Measurement> oldestFirst = newestFirst.stream().sorted(Comparator.comparing(Measurement::measuredAt)).toList();
		List<MeasurementView> views = new ArrayList<>();
		BodyHeight height = null;
		for (Measurement m : oldestFirst) {
			if (m.height() != null) {
				height = m.height();
			}
			BigDecimal bmi = m.weight() != null && height != null
					? BodyMeasures.of(m.weight(), height, org.ketamineclinic.patient.SexAtBirth.UNKNOWN).bmi() : null;
			BloodPressure bp = m.bloodPressure();
			views.add(new MeasurementView(m.id(), m.measuredAt(), m.weight() == null ? null : m.weight().kg(),
					m.height() == null ? null : m.height().cm(), bmi, bp == null ? null : bp.sbp(), bp == null ? null : bp.dbp(),
					m.createdAt(), m.createdBy()));
		}
		java.util.Collections.reverse(views);
		return views;
	}

	private record MeasurementValues(Instant at, @Nullable BodyWeight weight, @Nullable BodyHeight height,
			@Nullable BloodPressure bloodPressure, @Nullable Integer heartRate, @Nullable Integer respiratoryRate,
			@Nullable Integer spo2) {
		boolean hasAny() {
			return weight != null || height != null || bloodPressure != null || heartRate != null || respiratoryRate != null
					|| spo2 != null;
		}
	}

	/**
	 * Plausibility ranges of heart rate, respiratory rate and SpO2: the same as a dosing session's
	 * vital signs (session module, clinical reference section 6), so one reading is judged alike in both.
	 */
	static final int HEART_RATE_MIN = 20, HEART_RATE_MAX = 250, RESPIRATORY_RATE_MIN = 2, RESPIRATORY_RATE_MAX = 60,
			SPO2_MIN = 50, SPO2_MAX = 100;

	private static void range(FieldChecks checks, String field, @Nullable Integer value, int min, int max) {
		checks.rule(value == null || (value >= min && value <= max), field, "must be from " + min + " to " + max);
	}

	private MeasurementValues measurementValues(MeasurementDraft draft, FieldChecks checks, boolean oneRequired) {
		Instant at = draft.measuredAt() == null ? now() : draft.measuredAt();
		checks.rule(!at.isAfter(now().plus(FUTURE_TOLERANCE)), "measuredAt", "cannot be more than 5 minutes in the future");
		BodyWeight weight = draft.weightKg() == null ? null : checks.check("weightKg", () -> new BodyWeight(draft.weightKg()));
		BodyHeight height = draft.heightCm() == null ? null : checks.check("heightCm", () -> new BodyHeight(draft.heightCm()));
		BloodPressure bloodPressure = null;
		if (draft.sbp() != null || draft.dbp() != null) {
			checks.require("sbp", draft.sbp()).require("dbp", draft.dbp());
			if (draft.sbp() != null && draft.dbp() != null) {
				try {
					bloodPressure = new BloodPressure(draft.sbp(), draft.dbp());
				}
				catch (org.ketamineclinic.platform.InvalidInput invalid) {
					invalid.problems().forEach(problem -> checks.rule(false, problem.field(), problem.message()));
				}
			}
		}
		range(checks, "heartRate", draft.heartRate(), HEART_RATE_MIN, HEART_RATE_MAX);
		range(checks, "respiratoryRate", draft.respiratoryRate(), RESPIRATORY_RATE_MIN, RESPIRATORY_RATE_MAX);
		range(checks, "spo2", draft.spo2(), SPO2_MIN, SPO2_MAX);
		if (oneRequired) {
			checks.rule(draft.hasAny(), "weightKg", "give a weight, a height, a blood pressure or another vital sign");
		}
		return new MeasurementValues(at, weight, height, bloodPressure, draft.heartRate(), draft.respiratoryRate(),
				draft.spo2());
	}

	private void notInFuture(@Nullable LocalDate date, String field, FieldChecks checks) {
		if (date != null) {
			checks.rule(!date.isAfter(today()), field, "cannot be in the future");
		}
	}

	private static void dateRange(@Nullable LocalDate start, @Nullable LocalDate end, FieldChecks checks) {
		if (start != null && end != null) {
			checks.rule(!end.isBefore(start), "endDate", "cannot be before the start date");
		}
	}

	private static @Nullable LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException invalid) {
			return null;
		}
	}

	private Instant now() {
		return clock.instant();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
