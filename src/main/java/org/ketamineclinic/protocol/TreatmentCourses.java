package org.ketamineclinic.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;

/**
 * What other modules (dosing sessions, scheduling) may ask of a course: its planned sessions, the
 * signed order for a session, and the record that a session was given. Scoped to the caller's
 * clinic and audited like the API.
 */
public interface TreatmentCourses {

	Optional<CourseOutline> outline(UUID courseId);

	/** A patient's active courses, newest first, for booking their sessions; empty when the patient is not the caller's. */
	List<CourseOutline> activeCourses(UUID patientId);

	/** The current signed order of a session, if a physician signed one and it is not void. */
	Optional<SignedOrder> signedOrder(UUID courseId, int sessionNumber);

	/**
	 * Records that the course's next planned session was given, with what titration advice reads.
	 *
	 * @param sessionId the dosing session it happened in, when the session module knows it
	 */
	void recordSessionGiven(UUID courseId, int sessionNumber, Instant givenAt, BigDecimal doseMg, boolean severeDissociation,
			boolean bloodPressureAlert, @Nullable UUID sessionId);

	record CourseOutline(UUID id, UUID patientId, String protocol, Route route, String phase, String status,
			List<PlannedSessionView> sessions) {
	}

	record PlannedSessionView(int number, String phase, LocalDate earliestDate, LocalDate latestDate, String status) {
	}

	record SignedOrder(UUID orderId, UUID courseId, int sessionNumber, Route route, BigDecimal doseMg,
			@Nullable BigDecimal infusionRateMlPerHour, @Nullable Integer infusionMinutes, @Nullable Integer devices, String signedBy,
			Instant signedAt) {
	}
}
