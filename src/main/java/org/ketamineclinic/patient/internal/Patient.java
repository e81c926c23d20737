package org.ketamineclinic.patient.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.Conflict;

/**
 * A patient of one clinic. Never deleted: a registration made in error is voided with a reason,
 * and every change records who made it and when.
 */
@Entity
@Table(name = "patient")
class Patient {

	@Id
	private UUID id;

	private UUID clinicId;

	private String mrn;

	private String givenName;

	private String familyName;

	private LocalDate birthDate;

	@Enumerated(EnumType.STRING)
	private SexAtBirth sexAtBirth;

	private @Nullable String genderIdentity;

	private @Nullable String phone;

	private @Nullable String email;

	private @Nullable String addressLine;

	private @Nullable String city;

	private @Nullable String region;

	private @Nullable String postalCode;

	private @Nullable String preferredLanguage;

	private @Nullable String emergencyContactName;

	private @Nullable String emergencyContactPhone;

	private @Nullable String emergencyContactRelationship;

	private @Nullable String escortName;

	private @Nullable String escortPhone;

	private @Nullable UUID responsiblePhysicianId;

	private Instant createdAt;

	private String createdBy;

	private @Nullable Instant changedAt;

	private @Nullable String changedBy;

	private @Nullable Instant voidedAt;

	private @Nullable String voidedBy;

	private @Nullable String voidReason;

	@Version
	private long version;

	protected Patient() {
	}

	Patient(ClinicId clinic, String mrn, Demographics demographics, Instant now, String by) {
		this.id = UUID.randomUUID();
		this.clinicId = clinic.value();
		this.mrn = mrn;
		this.createdAt = now;
		this.createdBy = by;
		apply(demographics);
	}

	void correct(Demographics demographics, long expectedVersion, Instant now, String by) {
		requireVersion(expectedVersion);
		requireActive();
		apply(demographics);
		changedAt = now;
		changedBy = by;
	}

	void voidRegistration(String reason, long expectedVersion, Instant now, String by) {
		requireVersion(expectedVersion);
		requireActive();
		voidedAt = now;
		voidedBy = by;
		voidReason = reason;
	}

	/** Clinical entries can only be added to a registration that stands. */
	void requireActive() {
		if (voidedAt != null) {
			throw new Conflict("This registration was voided; nothing more can be recorded on it");
		}
	}

	private void requireVersion(long expectedVersion) {
		if (expectedVersion != version) {
			throw new Conflict("The record was changed by someone else since you loaded it (your version " + expectedVersion
					+ ", current " + version + "). Reload it and apply your change again.");
		}
	}

	private void apply(Demographics d) {
		givenName = d.givenName();
		familyName = d.familyName();
		birthDate = d.birthDate();
		sexAtBirth = d.sexAtBirth();
		genderIdentity = d.genderIdentity();
		phone = d.phone();
		email = d.email();
		addressLine = d.addressLine();
		city = d.city();
		region = d.region();
		postalCode = d.postalCode();
		preferredLanguage = d.preferredLanguage();
		emergencyContactName = d.emergencyContactName();
		emergencyContactPhone = d.emergencyContactPhone();
		emergencyContactRelationship = d.emergencyContactRelationship();
		escortName = d.escortName();
		escortPhone = d.escortPhone();
	}

	void assignResponsiblePhysician(@Nullable UUID physician, Instant now, String by) {
		requireActive();
		responsiblePhysicianId = physician;
		changedAt = now;
		changedBy = by;
	}

	@Nullable UUID responsiblePhysicianId() {
		return responsiblePhysicianId;
	}

	Demographics demographics() {
		return new Demographics(givenName, familyName, birthDate, sexAtBirth, genderIdentity, phone, email, addressLine, city,
				region, postalCode, preferredLanguage, emergencyContactName, emergencyContactPhone, emergencyContactRelationship,
				escortName, escortPhone);
	}

	int ageOn(LocalDate day) {
		return Period.between(birthDate, day).getYears();
	}

	UUID id() {
		return id;
	}

	UUID clinicId() {
		return clinicId;
	}

	String mrn() {
		return mrn;
	}

	SexAtBirth sexAtBirth() {
		return sexAtBirth;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	@Nullable Instant changedAt() {
		return changedAt;
	}

	@Nullable String changedBy() {
		return changedBy;
	}

	boolean isVoided() {
		return voidedAt != null;
	}

	@Nullable String voidReason() {
		return voidReason;
	}

	long version() {
		return version;
	}
}
