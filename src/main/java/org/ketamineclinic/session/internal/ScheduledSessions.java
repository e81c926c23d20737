package org.ketamineclinic.session.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.scheduling.AppointmentBooked;
import org.ketamineclinic.scheduling.AppointmentCancelled;
import org.ketamineclinic.scheduling.AppointmentRescheduled;
import org.ketamineclinic.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The schedule drives the chair board: a course's dosing session booked on the schedule is planned
 * here in the booked chair at the booked time, and moves or is cancelled with its appointment until
 * the patient checks in. Only course sessions: a session outside a course needs a clinician's
 * planned dose, which a booking does not carry, so the nurse plans it on the session page.
 * <p>
 * Events may arrive twice (the publication registry resubmits after a crash), so every step is
 * idempotent: an appointment plans at most one session, and a session already planned by hand for
 * the same course session is linked to the appointment instead of planned again.
 */
@Component
class ScheduledSessions {

	private static final Logger log = LoggerFactory.getLogger(ScheduledSessions.class);

	/** The name the audit trail and the session's history show for work the schedule started. */
	static final String ACTOR = "schedule";

	private final SessionService service;
	private final Sessions sessions;

	ScheduledSessions(SessionService service, Sessions sessions) {
		this.service = service;
		this.sessions = sessions;
	}

	@ApplicationModuleListener
	void booked(AppointmentBooked booked) {
		if (!booked.type().dosing() || booked.courseId() == null || booked.sessionNumber() == null) {
			return;
		}
		RunAs.systemActor(booked.clinicId(), ACTOR, Role.FRONT_DESK, () -> {
			plan(booked);
			return null;
		});
	}

	@ApplicationModuleListener
	void rescheduled(AppointmentRescheduled moved) {
		if (!moved.type().dosing()) {
			return;
		}
		RunAs.systemActor(moved.clinicId(), ACTOR, Role.FRONT_DESK, () -> {
			planned(moved.clinicId().value(), moved.appointmentId())
				.ifPresent(s -> service.followAppointment(s, moved.start(), moved.place()));
			return null;
		});
	}

	@ApplicationModuleListener
	void cancelled(AppointmentCancelled cancelled) {
		if (!cancelled.type().dosing()) {
			return;
		}
		RunAs.systemActor(cancelled.clinicId(), ACTOR, Role.FRONT_DESK, () -> {
			planned(cancelled.clinicId().value(), cancelled.appointmentId())
				.ifPresent(s -> service.appointmentCancelled(s));
			return null;
		});
	}

	private void plan(AppointmentBooked booked) {
		if (sessions.findByClinicIdAndAppointmentId(booked.clinicId().value(), booked.appointmentId()).isPresent()) {
			return;
		}
		List<DosingSession> live = sessions.findByCourseIdAndStatusNotIn(booked.courseId(), SessionService.ENDED_WITHOUT_DOSE_GIVEN)
			.stream().filter(s -> booked.sessionNumber().equals(s.courseSessionNumber())).toList();
		if (!live.isEmpty()) {
			DosingSession existing = live.get(0);
			if (existing.status() == SessionStatus.PLANNED && existing.appointmentId() == null) {
				service.linkAppointment(existing, booked.appointmentId(), booked.start(), booked.place());
			}
			else {
				log.info("Appointment {} not linked: course session {} already has session {} ({})", booked.appointmentId(),
						booked.sessionNumber(), existing.id(), existing.status());
			}
			return;
		}
		try {
			service.planFromAppointment(booked.appointmentId(), booked.patientId(), booked.courseId(), booked.sessionNumber(),
					booked.start(), booked.place());
		}
		catch (Conflict | InvalidInput notPlanned) {
			// The course stopped or the session was given meanwhile: the appointment stays, the front desk sees no session.
			log.info("Appointment {} planned no session: {}", booked.appointmentId(), notPlanned.getMessage());
		}
	}

	/** The session planned from the appointment, while the patient has not arrived. */
	private Optional<DosingSession> planned(UUID clinicId, UUID appointmentId) {
		return sessions.findByClinicIdAndAppointmentId(clinicId, appointmentId).filter(s -> s.status() == SessionStatus.PLANNED);
	}
}
