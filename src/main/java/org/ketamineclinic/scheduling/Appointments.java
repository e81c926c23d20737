package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Booking for the API, the front-desk pages, the patient portal and reminders. Every call is
 * scoped to the caller's clinic, permission-checked and audited. Requests carry codes and times as
 * text, as forms and JSON do, so that a bad value comes back as a field message (400).
 * Refusals: 400 bad input or a time outside opening hours; 409 a chair, person or patient taken,
 * or a stale version; 422 a rule (missing equipment, prescriber not on site, staff not working).
 */
public interface Appointments {

	/** Free start times on the 15-minute grid of one clinic day, each with a free chair or room and person. */
	Availability availability(LocalDate date, AppointmentType type);

	/** Books one appointment, or a weekly or monthly series (all or nothing); returns what was booked. */
	List<AppointmentView> book(NewAppointment request);

	/**
	 * Books every planned, not yet given or booked session of a course at the first free slot inside
	 * its date window, on or after {@code firstStart} and at or after the preferred time of day
	 * (hh:mm; the time of {@code firstStart} when null). All or nothing.
	 */
	List<AppointmentView> bookCourse(UUID courseId, @Nullable String firstStart, @Nullable String preferredTime);

	AppointmentView reschedule(UUID appointmentId, Reschedule request);

	AppointmentView cancel(UUID appointmentId, @Nullable String reason, @Nullable Long version);

	/** Records that the patient did not come; only after the start time. */
	AppointmentView noShow(UUID appointmentId, @Nullable String reason);

	AppointmentView complete(UUID appointmentId);

	Optional<AppointmentView> find(UUID appointmentId);

	/** Appointments starting in [from, to), optionally of one chair or room, person or patient; by start. */
	List<AppointmentView> list(Instant from, Instant to, @Nullable UUID resourceId, @Nullable UUID staffId,
			@Nullable UUID patientId);

	/** Every appointment of one patient, past and future, by start; 404 when the patient is not the caller's to see. */
	List<AppointmentView> ofPatient(UUID patientId);

	List<ChangeView> history(UUID appointmentId);

	record Availability(LocalDate date, AppointmentType type, List<Slot> slots) {
	}

	/** {@code chairId} for dosing types, {@code roomId} for the others. */
	record Slot(Instant start, Instant end, @Nullable UUID chairId, @Nullable UUID roomId, @Nullable UUID staffId) {
	}

	/**
	 * @param type an {@link AppointmentType} code
	 * @param start an ISO-8601 instant or date-time with offset
	 * @param repeat null for one appointment
	 */
	record NewAppointment(@Nullable UUID patientId, @Nullable String type, @Nullable String start, @Nullable UUID chairId,
			@Nullable UUID roomId, @Nullable UUID staffId, @Nullable Repeat repeat) {
	}

	/** @param every WEEK or MONTH; the series keeps the first appointment's wall-clock time */
	record Repeat(@Nullable String every, @Nullable Integer count) {
	}

	/** Keeps the chair, room and person unless the request names others or they are taken. */
	record Reschedule(@Nullable String start, @Nullable String reason, @Nullable Long version, @Nullable UUID chairId,
			@Nullable UUID roomId, @Nullable UUID staffId) {
	}

	record AppointmentView(UUID id, UUID patientId, AppointmentType type, AppointmentStatus status, Instant start,
			Instant end, @Nullable UUID chairId, @Nullable UUID roomId, @Nullable UUID staffId, @Nullable UUID prescriberId,
			@Nullable UUID courseId, @Nullable Integer sessionNumber, @Nullable UUID seriesId, @Nullable Integer seriesIndex,
			@Nullable String statusReason, long version, Instant createdAt, String createdBy, @Nullable Instant changedAt,
			@Nullable String changedBy) {
	}

	record ChangeView(String action, AppointmentStatus status, Instant start, Instant end, @Nullable UUID resourceId,
			@Nullable UUID staffId, @Nullable String reason, Instant changedAt, String changedBy) {
	}
}
