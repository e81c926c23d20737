package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.protocol.library.Phase;
import org.ketamineclinic.protocol.library.PlannedSession;

/** One planned session of a course; changed only through its {@link TreatmentCourse}. */
@Entity
@Table(name = "course_session")
class CourseSession {

	enum Status {
		PLANNED, GIVEN, CANCELLED
	}

	@Id
	private UUID id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "course_id")
	private TreatmentCourse course;

	private int number;

	@Enumerated(EnumType.STRING)
	private Phase phase;

	private LocalDate earliestDate;

	private LocalDate latestDate;

	private BigDecimal plannedDose;

	@Enumerated(EnumType.STRING)
	private Status status;

	private @Nullable Instant givenAt;

	private @Nullable BigDecimal givenDoseMg;

	private boolean severeDissociation;

	private boolean bloodPressureAlert;

	private @Nullable UUID sessionId;

	private @Nullable String recordedBy;

	protected CourseSession() {
	}

	CourseSession(TreatmentCourse course, PlannedSession planned, BigDecimal dose) {
		this.id = UUID.randomUUID();
		this.course = course;
		this.number = planned.number();
		this.phase = planned.phase();
		this.earliestDate = planned.earliestDate();
		this.latestDate = planned.latestDate();
		this.plannedDose = dose;
		this.status = Status.PLANNED;
	}

	void given(Instant at, BigDecimal doseMg, boolean severeDissociation, boolean bloodPressureAlert, @Nullable UUID sessionId,
			String by) {
		this.status = Status.GIVEN;
		this.givenAt = at;
		this.givenDoseMg = doseMg;
		this.severeDissociation = severeDissociation;
		this.bloodPressureAlert = bloodPressureAlert;
		this.sessionId = sessionId;
		this.recordedBy = by;
	}

	void cancel() {
		this.status = Status.CANCELLED;
	}

	void replan(BigDecimal dose) {
		this.plannedDose = dose;
	}

	UUID id() {
		return id;
	}

	int number() {
		return number;
	}

	Phase phase() {
		return phase;
	}

	LocalDate earliestDate() {
		return earliestDate;
	}

	LocalDate latestDate() {
		return latestDate;
	}

	BigDecimal plannedDose() {
		return plannedDose;
	}

	Status status() {
		return status;
	}

	boolean planned() {
		return status == Status.PLANNED;
	}

	boolean isGiven() {
		return status == Status.GIVEN;
	}

	@Nullable Instant givenAt() {
		return givenAt;
	}

	@Nullable BigDecimal givenDoseMg() {
		return givenDoseMg;
	}

	boolean severeDissociation() {
		return severeDissociation;
	}

	boolean bloodPressureAlert() {
		return bloodPressureAlert;
	}

	@Nullable UUID sessionId() {
		return sessionId;
	}
}
