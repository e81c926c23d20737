package org.ketamineclinic.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.Appointments.AppointmentView;
import org.ketamineclinic.scheduling.internal.AppointmentRows.Row;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a patient does with their own appointments in the portal: see them, book the types the
 * clinic lets patients book, and cancel. Changes go through {@link Appointments} with the front
 * desk's checks, named as the patient acting in the portal, so every rule, event and history row
 * is the same as when staff book.
 */
@Service
class PatientSchedule {

	/** A dosing appointment this close is cancelled by phone: the chair, nurse and ride are arranged. */
	static final Duration CANCEL_CUT_OFF = Duration.ofHours(24);
	static final Duration RECENT = Duration.ofDays(30);
	private static final String PATIENT = "hasRole('PATIENT')";

	private final Appointments appointments;
	private final AppointmentRows rows;
	private final SchedulingSettings settings;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;

	PatientSchedule(Appointments appointments, AppointmentRows rows, SchedulingSettings settings, CurrentUser currentUser,
			AuditTrail audit, Clock clock) {
		this.appointments = appointments;
		this.rows = rows;
		this.settings = settings;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** The patient's appointments from 30 days ago on, with their rides; audited as a read of the patient's own record. */
	@PreAuthorize(PATIENT)
	@Transactional
	public List<Row> mine() {
		ClinicUser user = currentUser.get();
		UUID patientId = own(user);
		Instant now = clock.instant();
		List<Row> found = rows.ofPatient(user.clinicId(), patientId, now.minus(RECENT), Instant.parse("9999-12-31T00:00:00Z"));
		audit.read(patientId, AppointmentBook.RESOURCE, null);
		return found;
	}

	@PreAuthorize(PATIENT)
	public Set<AppointmentType> bookableTypes() {
		return settings.selfBooking(currentUser.clinic()).types();
	}

	@PreAuthorize(PATIENT)
	public List<Appointments.Slot> freeSlots(@Nullable String type, @Nullable String date) {
		FieldChecks checks = new FieldChecks();
		AppointmentType wanted = checks.check("type", () -> Codes.parse(AppointmentType.class, type));
		LocalDate day = checks.check("date", () -> ClinicCalendar.date(date));
		checks.throwIfAny();
		mayBook(wanted);
		Instant now = clock.instant();
		return asPatient(() -> appointments.availability(day, wanted)).slots().stream().filter(s -> s.start().isAfter(now)).toList();
	}

	@PreAuthorize(PATIENT)
	public AppointmentView book(@Nullable String type, @Nullable String start) {
		ClinicUser user = currentUser.get();
		AppointmentType wanted = check("type", () -> Codes.parse(AppointmentType.class, type));
		mayBook(wanted);
		UUID patientId = own(user);
		return asPatient(() -> appointments.book(new Appointments.NewAppointment(patientId, wanted.name(), start, null, null, null, null)))
			.get(0);
	}

	@PreAuthorize(PATIENT)
	public AppointmentView cancel(UUID appointmentId, @Nullable String reason) {
		return cancel(appointmentId, reason, clock.instant());
	}

	@PreAuthorize(PATIENT)
	public AppointmentView cancel(UUID appointmentId, @Nullable String reason, Instant now) {
		ClinicUser user = currentUser.get();
		Row appointment = rows.find(user.clinicId(), appointmentId).filter(a -> a.patientId().equals(user.patientId()))
			.orElseThrow(() -> new NotFound("Appointment", appointmentId));
		check("reason", () -> ClinicCalendar.text(reason, 500));
		if (appointment.status() != AppointmentStatus.BOOKED) {
			throw new Conflict("The appointment is " + appointment.status().name().toLowerCase() + " already");
		}
		if (appointment.type().dosing() && now.isAfter(appointment.start().minus(CANCEL_CUT_OFF))) {
			throw new Conflict("Your treatment session starts in less than 24 hours: please call the clinic to cancel or move it");
		}
		return asPatient(() -> appointments.cancel(appointmentId, reason, appointment.version()));
	}

	/** Whether the portal offers cancelling this appointment online. */
	static boolean cancellableOnline(Row appointment, Instant now) {
		return appointment.status() == AppointmentStatus.BOOKED && appointment.start().isAfter(now)
				&& !(appointment.type().dosing() && now.isAfter(appointment.start().minus(CANCEL_CUT_OFF)));
	}

	private void mayBook(AppointmentType type) {
		if (!bookableTypes().contains(type)) {
			throw new AccessDeniedException(type + " is booked by the clinic's staff; please call the clinic");
		}
	}

	private <T> T asPatient(Supplier<T> work) {
		ClinicUser user = currentUser.get();
		return RunAs.systemActor(user.clinicId(), user.username() + " (portal)", Role.FRONT_DESK, work);
	}

	private static UUID own(ClinicUser user) {
		if (user.patientId() == null) {
			throw new NotFound("Patient", user.userId());
		}
		return user.patientId();
	}

	private static <T> T check(String field, Supplier<T> value) {
		FieldChecks checks = new FieldChecks();
		T result = checks.check(field, value);
		checks.throwIfAny();
		return java.util.Objects.requireNonNull(result);
	}
}
