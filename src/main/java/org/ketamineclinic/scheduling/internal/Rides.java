package org.ketamineclinic.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.platform.RuleViolation.RuleFinding;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.internal.AppointmentRows.Row;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ride home after a dosing appointment (clinical reference section 6: a responsible adult
 * drives the patient home; without a confirmed ride the session is rescheduled). The patient
 * confirms it in the portal up to {@link #CUT_OFF} before the start; after that only staff record
 * it, after speaking to the patient, so the front desk knows whom to call.
 */
@Service
@Transactional
class Rides {

	static final Duration CUT_OFF = Duration.ofHours(24);
	/** How far ahead the front desk's list looks. */
	static final Duration HORIZON = Duration.ofHours(72);
	static final String RESOURCE = "AppointmentRide";
	static final String MAY_RECORD = "hasAnyRole('FRONT_DESK','NURSE','PHYSICIAN','ADMIN','PATIENT')";
	static final String FRONT_DESK = "hasAnyRole('FRONT_DESK','NURSE','PHYSICIAN','ADMIN')";

	record RideRequest(@Nullable String driverName, @Nullable String driverPhone) {
	}

	record RideView(UUID appointmentId, String driverName, String driverPhone, Instant confirmedAt, String confirmedBy) {
	}

	/** A dosing appointment without a ride; {@code callNow} inside the 24-hour cut-off. */
	record Unconfirmed(UUID appointmentId, UUID patientId, String patientName, String mrn, AppointmentType type, Instant start,
			boolean callNow) {
	}

	private final JdbcTemplate jdbc;
	private final AppointmentRows rows;
	private final CurrentUser currentUser;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final Clock clock;

	Rides(JdbcTemplate jdbc, AppointmentRows rows, CurrentUser currentUser, PatientRegistry patients, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize(MAY_RECORD)
	public RideView confirm(UUID appointmentId, RideRequest request) {
		return confirm(appointmentId, request, clock.instant());
	}

	@PreAuthorize(MAY_RECORD)
	public RideView confirm(UUID appointmentId, RideRequest request, Instant now) {
		ClinicUser user = currentUser.get();
		Row appointment = rows.find(user.clinicId(), appointmentId).filter(a -> user.maySee(a.patientId()))
			.orElseThrow(() -> new NotFound("Appointment", appointmentId));
		FieldChecks checks = new FieldChecks();
		String name = checks.check("driverName", () -> ClinicCalendar.text(request.driverName(), 100));
		String phone = checks.check("driverPhone", () -> phone(request.driverPhone()));
		checks.throwIfAny();
		if (!appointment.type().dosing()) {
			throw new RuleViolation("Only dosing appointments need a ride home",
					List.of(new RuleFinding("RIDE_NOT_NEEDED", "BLOCK", appointment.type() + " is not a dosing appointment")));
		}
		if (appointment.status() != AppointmentStatus.BOOKED || !appointment.start().isAfter(now)) {
			throw new Conflict("The appointment is " + (appointment.status() == AppointmentStatus.BOOKED ? "already under way" : appointment.status())
					+ "; a ride is recorded only for a booked appointment that has not started");
		}
		if (user.isPatient() && now.isAfter(appointment.start().minus(CUT_OFF))) {
			throw new RuleViolation("Your appointment starts in less than 24 hours: please call the clinic to confirm your ride home",
					List.of(new RuleFinding("RIDE_CUT_OFF", "BLOCK", "rides are confirmed online up to 24 hours before the start")));
		}
		jdbc.update("INSERT INTO scheduling_ride (appointment_id, clinic_id, driver_name, driver_phone, confirmed_at, confirmed_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET driver_name = EXCLUDED.driver_name, "
				+ "driver_phone = EXCLUDED.driver_phone, confirmed_at = EXCLUDED.confirmed_at, confirmed_by = EXCLUDED.confirmed_by",
				appointmentId, user.clinicId().value(), name, phone, Timestamp.from(now), user.username());
		audit.changed(appointment.patientId(), RESOURCE, appointmentId, appointment.ride() == null ? AuditAction.CREATE : AuditAction.UPDATE);
		return new RideView(appointmentId, name, phone, now, user.username());
	}

	@PreAuthorize(FRONT_DESK)
	public List<Unconfirmed> unconfirmed() {
		return unconfirmed(clock.instant());
	}

	/** Booked dosing appointments in the next 72 hours without a ride, soonest first. */
	@PreAuthorize(FRONT_DESK)
	public List<Unconfirmed> unconfirmed(Instant now) {
		List<Row> found = rows.withoutRide(currentUser.clinic(), now, now.plus(HORIZON));
		audit.searched(RESOURCE, found.size());
		return found.stream().map(a -> {
			PatientRegistry.PatientSummary patient = patients.find(a.patientId()).orElseThrow(() -> new NotFound("Patient", a.patientId()));
			return new Unconfirmed(a.id(), a.patientId(), patient.givenName() + " " + patient.familyName(), patient.mrn(), a.type(), a.start(),
					!now.isBefore(a.start().minus(CUT_OFF)));
		}).toList();
	}

	static String phone(@Nullable String value) {
		String text = ClinicCalendar.text(value, 40);
		if (!text.matches("[+0-9 ()./-]{6,40}") || text.chars().filter(Character::isDigit).count() < 6) {
			throw new IllegalArgumentException("must be a phone number such as +1 555 010 2030");
		}
		return text;
	}
}
