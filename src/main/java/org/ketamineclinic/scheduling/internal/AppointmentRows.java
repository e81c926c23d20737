package org.ketamineclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads appointments for the patient side (portal, rides, reminders, waitlist) together with the
 * ride home. Callers check who may see them and audit the read; this class only queries.
 */
@Component
class AppointmentRows {

	/** One appointment with its ride home, when one is recorded. */
	record Row(UUID id, ClinicId clinicId, UUID patientId, AppointmentType type, AppointmentStatus status, Instant start, Instant end,
			long version, @Nullable String statusReason, @Nullable Ride ride) {
	}

	record Ride(String driverName, String driverPhone, Instant confirmedAt, String confirmedBy) {
	}

	private static final String SELECT = "SELECT a.id, a.clinic_id, a.patient_id, a.type, a.status, a.start_at, a.end_at, a.version, "
			+ "a.status_reason, r.driver_name, r.driver_phone, r.confirmed_at, r.confirmed_by FROM scheduling_appointment a "
			+ "LEFT JOIN scheduling_ride r ON r.appointment_id = a.id ";

	private final JdbcTemplate jdbc;

	AppointmentRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(ClinicId clinic, UUID id) {
		return jdbc.query(SELECT + "WHERE a.id = ? AND a.clinic_id = ?", AppointmentRows::row, id, clinic.value()).stream().findFirst();
	}

	/** One patient's appointments starting in [from, to), by start. */
	List<Row> ofPatient(ClinicId clinic, UUID patientId, Instant from, Instant to) {
		return jdbc.query(SELECT + "WHERE a.clinic_id = ? AND a.patient_id = ? AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id",
				AppointmentRows::row, clinic.value(), patientId, Timestamp.from(from), Timestamp.from(to));
	}

	/** Booked dosing appointments starting in [from, to) without a ride home, soonest first. */
	List<Row> withoutRide(ClinicId clinic, Instant from, Instant to) {
		return jdbc.query(SELECT + "WHERE a.clinic_id = ? AND a.status = 'BOOKED' AND a.type IN ('IV_INFUSION', 'IM_INJECTION', "
				+ "'ESKETAMINE_SESSION') AND a.start_at >= ? AND a.start_at < ? AND r.appointment_id IS NULL ORDER BY a.start_at, a.id",
				AppointmentRows::row, clinic.value(), Timestamp.from(from), Timestamp.from(to));
	}

	/** Booked appointments of every clinic starting in (from, to]: candidates for reminders. */
	List<Row> bookedBetween(Instant from, Instant to) {
		return jdbc.query(SELECT + "WHERE a.status = 'BOOKED' AND a.start_at > ? AND a.start_at <= ? ORDER BY a.start_at, a.id",
				AppointmentRows::row, Timestamp.from(from), Timestamp.from(to));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String driver = rs.getString(10);
		Ride ride = driver == null ? null : new Ride(driver, rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13));
		return new Row(rs.getObject(1, UUID.class), new ClinicId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class),
				AppointmentType.valueOf(rs.getString(4)), AppointmentStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
				rs.getTimestamp(7).toInstant(), rs.getLong(8), rs.getString(9), ride);
	}
}
