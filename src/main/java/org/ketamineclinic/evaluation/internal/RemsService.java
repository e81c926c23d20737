package org.ketamineclinic.evaluation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.RemsRegistry;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's esketamine REMS healthcare-setting certification (append-only: the latest row is
 * current) and each patient's REMS enrollment (once per patient, never edited).
 */
@Service
@Transactional
class RemsService implements RemsRegistry {

	static final String ENROLLMENT = "RemsEnrollment";

	record CertificationRequest(@Nullable String settingId, @Nullable String authorisedRepresentative,
			@Nullable String certifiedOn, @Nullable String settingName, @Nullable String settingAddress, @Nullable String settingPhone) {
	}

	record CertificationView(boolean certified, @Nullable String settingId, @Nullable String authorisedRepresentative,
			@Nullable LocalDate certifiedOn, @Nullable String settingName, @Nullable String settingAddress, @Nullable String settingPhone,
			@Nullable String recordedBy, @Nullable Instant recordedAt) {
	}

	record EnrollmentRequest(@Nullable String enrolledOn) {
	}

	record EnrollmentView(UUID patientId, boolean enrolled, @Nullable LocalDate enrolledOn, @Nullable String enrolledBy,
			@Nullable Instant recordedAt, boolean settingCertified) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final Clock clock;
	private final ClinicTimeZone zone;

	RemsService(JdbcTemplate jdbc, CurrentUser currentUser, PatientRegistry patients, AuditTrail audit, Clock clock,
			ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public void certifySetting(ClinicId clinic, Certification certification, String recordedBy) {
		FieldChecks checks = checks(certification.settingId(), certification.authorisedRepresentative(), certification.settingName(),
				certification.settingAddress(), certification.settingPhone());
		checks.rule(!certification.certifiedOn().isAfter(today()), "certifiedOn", "must not be in the future");
		checks.throwIfAny();
		jdbc.update("INSERT INTO rems_setting_certification (clinic_id, setting_id, authorised_representative, certified_on, "
				+ "setting_name, setting_address, setting_phone, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				clinic.value(), certification.settingId().strip(), certification.authorisedRepresentative().strip(),
				Date.valueOf(certification.certifiedOn()), certification.settingName().strip(), certification.settingAddress().strip(),
				certification.settingPhone().strip(), recordedBy, Timestamp.from(clock.instant()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Certification> certification(ClinicId clinic) {
		return certificationView(clinic).filter(CertificationView::certified)
			.map(v -> new Certification(v.settingId(), v.authorisedRepresentative(), v.certifiedOn(), v.settingName(),
					v.settingAddress(), v.settingPhone()));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean settingCertified(ClinicId clinic) {
		return certification(clinic).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean patientEnrolled(UUID patientId) {
		return enrollmentRow(currentUser.clinic(), patientId).isPresent();
	}

	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN','NURSE','THERAPIST')")
	@Transactional(readOnly = true)
	CertificationView setting() {
		return certificationView(currentUser.clinic())
			.orElse(new CertificationView(false, null, null, null, null, null, null, null, null));
	}

	@PreAuthorize("hasRole('ADMIN')")
	CertificationView changeSetting(CertificationRequest request) {
		FieldChecks checks = checks(request.settingId(), request.authorisedRepresentative(), request.settingName(),
				request.settingAddress(), request.settingPhone());
		LocalDate certifiedOn = checks.check("certifiedOn", () -> pastOrToday(request.certifiedOn()));
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		certifySetting(user.clinicId(),
				new Certification(request.settingId(), request.authorisedRepresentative(), certifiedOn, request.settingName(),
						request.settingAddress(), request.settingPhone()),
				user.username());
		return setting();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	EnrollmentView enroll(UUID patientId, EnrollmentRequest request) {
		FieldChecks checks = new FieldChecks();
		LocalDate enrolledOn = checks.check("enrolledOn", () -> pastOrToday(request.enrolledOn()));
		checks.throwIfAny();
		patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
		ClinicUser user = currentUser.get();
		if (enrollmentRow(user.clinicId(), patientId).isPresent()) {
			throw new Conflict("This patient is already enrolled in the esketamine REMS");
		}
		try {
			jdbc.update("INSERT INTO rems_patient_enrollment (patient_id, clinic_id, enrolled_on, enrolled_by, recorded_at) "
					+ "VALUES (?, ?, ?, ?, ?)", patientId, user.clinicId().value(), Date.valueOf(enrolledOn), user.username(),
					Timestamp.from(clock.instant()));
		}
		catch (DuplicateKeyException raced) {
			throw new Conflict("This patient is already enrolled in the esketamine REMS");
		}
		audit.changed(patientId, ENROLLMENT, patientId, AuditAction.CREATE);
		return enrollmentView(user.clinicId(), patientId);
	}

	/** Not read-only: the read is audited. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	EnrollmentView enrollment(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		audit.read(patientId, ENROLLMENT, patientId);
		return enrollmentView(currentUser.clinic(), patientId);
	}

	private EnrollmentView enrollmentView(ClinicId clinic, UUID patientId) {
		boolean certified = settingCertified(clinic);
		return enrollmentRow(clinic, patientId)
			.map(e -> new EnrollmentView(patientId, true, e.enrolledOn(), e.enrolledBy(), e.recordedAt(), certified))
			.orElse(new EnrollmentView(patientId, false, null, null, null, certified));
	}

	/** The patient's enrollment as stored (its settingCertified is not filled in). */
	private Optional<EnrollmentView> enrollmentRow(ClinicId clinic, UUID patientId) {
		return jdbc
			.query("SELECT * FROM rems_patient_enrollment WHERE clinic_id = ? AND patient_id = ?",
					(rs, n) -> new EnrollmentView(patientId, true, rs.getDate("enrolled_on").toLocalDate(),
							rs.getString("enrolled_by"), rs.getTimestamp("recorded_at").toInstant(), false),
					clinic.value(), patientId)
			.stream()
			.findFirst();
	}

	private Optional<CertificationView> certificationView(ClinicId clinic) {
		return jdbc
			.query("SELECT * FROM rems_setting_certification WHERE clinic_id = ? ORDER BY seq DESC LIMIT 1",
					(rs, n) -> new CertificationView(true, rs.getString("setting_id"), rs.getString("authorised_representative"),
							rs.getDate("certified_on").toLocalDate(), rs.getString("setting_name"), rs.getString("setting_address"),
							rs.getString("setting_phone"), rs.getString("recorded_by"),
							rs.getTimestamp("recorded_at").toInstant()),
					clinic.value())
			.stream()
			.findFirst();
	}

	/** Every part of a certification is required: the REMS monitoring form prints the setting's name, address and phone. */
	private static FieldChecks checks(@Nullable String settingId, @Nullable String representative, @Nullable String name,
			@Nullable String address, @Nullable String phone) {
		return new FieldChecks().require("settingId", settingId)
			.rule(settingId == null || settingId.strip().length() <= 40, "settingId", "must be at most 40 characters")
			.require("authorisedRepresentative", representative)
			.rule(representative == null || representative.strip().length() <= 200, "authorisedRepresentative",
					"must be at most 200 characters")
			.require("settingName", name)
			.rule(name == null || name.strip().length() <= 200, "settingName", "must be at most 200 characters")
			.require("settingAddress", address)
			.rule(address == null || address.strip().length() <= 500, "settingAddress", "must be at most 500 characters")
			.require("settingPhone", phone)
			.rule(phone == null || phone.strip().matches(PHONE), "settingPhone",
					"must be a phone number of 7 to 20 digits, spaces, dashes, dots or brackets, optionally starting with +");
	}

	private static final String PHONE = "\\+?[0-9][0-9 ().-]{5,18}[0-9]";

	private LocalDate pastOrToday(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException invalid) {
			throw new IllegalArgumentException("must be a date such as 2026-11-20");
		}
		if (date.isAfter(today())) {
			throw new IllegalArgumentException("must not be in the future");
		}
		return date;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
