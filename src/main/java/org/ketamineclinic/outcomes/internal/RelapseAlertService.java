package org.ketamineclinic.outcomes.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ScoreHistory;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.Accounts.StaffMember;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.notification.Notifications;
import org.ketamineclinic.outcomes.RelapseDetected;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Relapse alerts: raised once per episode, listed for the care team, acknowledged by a physician with an action. */
@Service
@Transactional
class RelapseAlertService {

	static final String RESOURCE = "RelapseAlert";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	record RelapseAlertView(UUID id, UUID patientId, Instrument instrument, Instant firstAt, int firstTotal, Instant confirmedAt,
			int confirmedTotal, @Nullable UUID courseId, @Nullable LocalDate nextPlannedMaintenance, LocalDate suggestedBy,
			@Nullable Instant suggestedSlot, String message, Instant raisedAt, @Nullable UUID assignedTo, boolean mine, @Nullable Instant acknowledgedAt,
			@Nullable String acknowledgedBy, @Nullable String action) {

		static RelapseAlertView of(RelapseAlert a, @Nullable UUID viewer) {
			return new RelapseAlertView(a.id(), a.patientId(), a.instrument(), a.firstAt(), a.firstTotal(), a.confirmedAt(),
					a.confirmedTotal(), a.courseId(), a.nextPlannedMaintenance(), a.suggestedBy(), a.suggestedSlot(), a.message(), a.raisedAt(),
					a.assignedTo(), viewer != null && viewer.equals(a.assignedTo()), a.acknowledgedAt(), a.acknowledgedBy(), a.action());
		}
	}

	private final RelapseAlerts alerts;
	private final PatientPicture pictures;
	private final ScoreHistory scoreHistory;
	private final Appointments appointments;
	private final PatientRegistry patients;
	private final Accounts accounts;
	private final Notifications notifications;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final RelapseSettings settings;
	private final Clock clock;
	private final String baseUrl;

	RelapseAlertService(RelapseAlerts alerts, PatientPicture pictures, ScoreHistory scoreHistory, Appointments appointments,
			PatientRegistry patients,
			Accounts accounts, Notifications notifications, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
			RelapseSettings settings, Clock clock, @Value("${clinic.base-url}") String baseUrl) {
		this.alerts = alerts;
		this.pictures = pictures;
		this.scoreHistory = scoreHistory;
		this.appointments = appointments;
		this.patients = patients;
		this.accounts = accounts;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	RelapseRule rule() {
		ScoreHistory.Cutoffs cutoffs = scoreHistory.cutoffs();
		return new RelapseRule(new RelapseRule.Settings(settings.madrsAtOrAbove(), settings.madrsMinDaysApart(),
				settings.madrsMaxDaysApart(), cutoffs.phq9RelapseAtOrAbove(), cutoffs.phq9RelapsePointsAboveBest(),
				cutoffs.madrsRemissionAtOrBelow()));
	}

	/** Looks for a relapse on {@code instrument} and raises its alert unless this episode already has one. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	Optional<RelapseAlertView> evaluate(UUID patientId, Instrument instrument) {
		PatientSummary patient = patients.find(patientId).filter(p -> !p.voided()).orElse(null);
		if (patient == null) {
			return Optional.empty();
		}
		PatientPicture.Picture picture = pictures.of(patientId);
		ScoreHistory.Score baselineScore = picture.baseline(instrument).orElse(null);
		Integer baseline = baselineScore == null ? null : baselineScore.total();
		// Scores before the baseline belong to an earlier episode of illness, not to this course.
		List<RelapseRule.Point> points = picture.of(instrument).stream()
			.filter(s -> baselineScore == null || !s.completedAt().isBefore(baselineScore.completedAt()))
			.map(s -> new RelapseRule.Point(s.completedAt(), s.total()))
			.toList();
		Optional<RelapseRule.Relapse> found = rule().latest(instrument, points, baseline, picture.maintenanceSince());
		if (found.isEmpty() || alerts.existsByPatientIdAndInstrumentAndEpisodeSince(patientId, instrument, found.get().episodeSince())) {
			return Optional.empty();
		}
		RelapseRule.Relapse relapse = found.get();
		Instant now = clock.instant();
		LocalDate today = now.atZone(picture.zone()).toLocalDate();
		LocalDate next = picture.nextPlannedMaintenance().orElse(null);
		LocalDate within = today.plusDays(settings.suggestWithinDays());
		LocalDate suggested = next != null && next.isBefore(within) ? (next.isBefore(today) ? today : next) : within;
		Instant slot = picture.current() == null ? null : firstFreeSlot(picture.current().route(), today.plusDays(1), suggested);
		String scale = instrument == Instrument.PHQ9 ? "PHQ-9" : instrument.name();
		String message = scale + " " + relapse.firstTotal() + " then " + relapse.confirmedTotal() + " meets the relapse definition"
				+ (instrument == Instrument.PHQ9 ? " (best since response " + relapse.best() + ")" : "")
				+ ". Consider an earlier maintenance session by " + suggested
				+ (next == null ? " (no maintenance session planned)." : " (next planned " + next + ").")
				+ (slot == null ? "" : " First free chair: " + MINUTE.format(slot.atZone(picture.zone())) + ".");
		ClinicId clinic = currentUser.clinic();
		RelapseAlert alert = alerts.saveAndFlush(new RelapseAlert(clinic.value(), patientId, relapse,
				picture.current() == null ? null : picture.current().id(), next, suggested, slot, message, now,
				patient.responsiblePhysicianId()));
		audit.changed(patientId, RESOURCE, alert.id(), AuditAction.CREATE);
		notify(clinic, alert);
		events.publishEvent(new RelapseDetected(alert.id(), clinic, patientId, instrument, relapse.confirmedAt()));
		return Optional.of(RelapseAlertView.of(alert, null));
	}

	/** The first free chair for the course's route from {@code from} to {@code to}, as the booking page would offer it. */
	private @Nullable Instant firstFreeSlot(Route route, LocalDate from, LocalDate to) {
		AppointmentType type = switch (route) {
			case IV_KETAMINE -> AppointmentType.IV_INFUSION;
			case IM_KETAMINE -> AppointmentType.IM_INJECTION;
			case IN_ESKETAMINE -> AppointmentType.ESKETAMINE_SESSION;
		};
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			List<Appointments.Slot> slots = appointments.availability(day, type).slots();
			if (!slots.isEmpty()) {
				return slots.get(0).start();
			}
		}
		return null;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	List<RelapseAlertView> open() {
		ClinicUser user = currentUser.get();
		List<RelapseAlertView> open = alerts.findByClinicIdAndAcknowledgedAtIsNullOrderByRaisedAtAsc(user.clinicId().value()).stream()
			.map(a -> RelapseAlertView.of(a, user.userId()))
			.toList();
		open.forEach(a -> audit.read(a.patientId(), RESOURCE, a.id()));
		return open;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	List<RelapseAlertView> forPatient(UUID patientId) {
		ClinicUser user = currentUser.get();
		List<RelapseAlertView> all = alerts.findByClinicIdAndPatientIdOrderByRaisedAtDesc(user.clinicId().value(), patientId).stream()
			.map(a -> RelapseAlertView.of(a, user.userId()))
			.toList();
		audit.read(patientId, RESOURCE, null);
		return all;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	RelapseAlertView get(UUID id) {
		ClinicUser user = currentUser.get();
		RelapseAlert alert = alerts.findByClinicIdAndId(user.clinicId().value(), id).orElseThrow(() -> new NotFound("Relapse alert", id));
		audit.read(alert.patientId(), RESOURCE, alert.id());
		return RelapseAlertView.of(alert, user.userId());
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	RelapseAlertView acknowledge(UUID id, @Nullable String action) {
		new FieldChecks().require("action", action)
			.rule(action == null || action.strip().length() <= 2000, "action", "must be at most 2000 characters")
			.throwIfAny();
		ClinicUser user = currentUser.get();
		RelapseAlert alert = alerts.findByClinicIdAndId(user.clinicId().value(), id).orElseThrow(() -> new NotFound("Relapse alert", id));
		alert.acknowledge(action.strip(), user.username(), clock.instant());
		alerts.saveAndFlush(alert);
		audit.changed(alert.patientId(), RESOURCE, alert.id(), AuditAction.UPDATE);
		return RelapseAlertView.of(alert, user.userId());
	}

	/** The patient's responsible physician, else every physician; the email holds a link and nothing about the patient. */
	private void notify(ClinicId clinic, RelapseAlert alert) {
		List<StaffMember> physicians = accounts.staff(clinic, Role.PHYSICIAN);
		List<StaffMember> recipients = alert.assignedTo() == null ? physicians
				: physicians.stream().filter(p -> p.userId().equals(alert.assignedTo())).toList();
		String subject = "A patient may have relapsed";
		String body = subject + ".\n\nOpen it and document your action: " + baseUrl + "/relapse-alerts/" + alert.id()
				+ "\n\nThis message contains no patient details by design.";
		for (StaffMember physician : recipients.isEmpty() ? physicians : recipients) {
			if (physician.email() != null) {
				notifications.email(clinic, physician.email(), subject, body);
			}
		}
	}
}
