package org.ketamineclinic.outcomes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ScoreHistory;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.outcomes.internal.RelapseAlertService.RelapseAlertView;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.protocol.TreatmentCourses.CourseOutline;
import org.ketamineclinic.protocol.TreatmentCourses.PlannedSessionView;
import org.ketamineclinic.session.DosingHistory.DosingRecord;
import org.ketamineclinic.session.DosingHistory.Marker;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One patient's treatment on one time axis: scale totals, doses, side effects and alerts, course phases, thresholds. */
@Service
@Transactional
class TrajectoryService {

	record ScorePoint(UUID assessmentId, Instrument instrument, String scale, int total, @Nullable String severity, Instant at) {
	}

	record DosePoint(UUID sessionId, Instant at, String route, String routeLabel, BigDecimal doseMg, String status) {
	}

	/** @param kind SIDE_EFFECT or ALERT */
	record EventPoint(UUID sessionId, Instant at, String kind, String code, String severity) {
	}

	record PhaseBand(UUID courseId, String protocol, String phase, LocalDate from, LocalDate to) {
	}

	/**
	 * Response and remission lines for the preferred scale: response at half the baseline or less,
	 * remission at the scale's cut-off.
	 */
	record Thresholds(Instrument instrument, String scale, int baseline, Instant baselineAt, int responseAtOrBelow,
			int remissionAtOrBelow) {
	}

	record Trajectory(UUID patientId, List<ScorePoint> scores, List<DosePoint> doses, List<EventPoint> events,
			List<PhaseBand> phases, @Nullable Thresholds thresholds, List<RelapseAlertView> relapses) {
	}

	private final PatientPicture pictures;
	private final PatientRegistry patients;
	private final RelapseAlertService relapses;
	private final ScoreHistory scoreHistory;
	private final AuditTrail audit;

	TrajectoryService(PatientPicture pictures, PatientRegistry patients, RelapseAlertService relapses, ScoreHistory scoreHistory,
			AuditTrail audit) {
		this.pictures = pictures;
		this.patients = patients;
		this.relapses = relapses;
		this.scoreHistory = scoreHistory;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	Trajectory of(UUID patientId) {
		patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
		PatientPicture.Picture picture = pictures.of(patientId);
		List<ScorePoint> scores = picture.scores().stream()
			.map(s -> new ScorePoint(s.assessmentId(), s.instrument(), scale(s.instrument()), s.total(), s.severity(), s.completedAt()))
			.toList();
		List<DosePoint> doses = new ArrayList<>();
		List<EventPoint> events = new ArrayList<>();
		for (DosingRecord d : picture.doses()) {
			doses.add(new DosePoint(d.sessionId(), d.firstDoseAt(), d.route().name(), d.route().label(), d.doseMg(), d.status().name()));
			for (Marker m : d.sideEffects()) {
				events.add(new EventPoint(d.sessionId(), m.at(), "SIDE_EFFECT", m.code(), m.severity()));
			}
			for (Marker m : d.alerts()) {
				events.add(new EventPoint(d.sessionId(), m.at(), "ALERT", m.code(), m.severity()));
			}
		}
		events.sort(Comparator.comparing(EventPoint::at));
		List<PhaseBand> phases = new ArrayList<>();
		for (CourseOutline course : picture.courses()) {
			for (String phase : List.of("INDUCTION", "MAINTENANCE")) {
				List<PlannedSessionView> planned = course.sessions().stream().filter(s -> s.phase().equals(phase)).toList();
				if (!planned.isEmpty()) {
					phases.add(new PhaseBand(course.id(), course.protocol(), phase,
							planned.stream().map(PlannedSessionView::earliestDate).min(Comparator.naturalOrder()).orElseThrow(),
							planned.stream().map(PlannedSessionView::latestDate).max(Comparator.naturalOrder()).orElseThrow()));
				}
			}
		}
		Thresholds thresholds = null;
		Instrument preferred = picture.preferred();
		if (preferred != null) {
			ScoreHistory.Score baseline = picture.baseline(preferred).orElse(null);
			if (baseline != null) {
				thresholds = new Thresholds(preferred, scale(preferred), baseline.total(), baseline.completedAt(), baseline.total() / 2,
						remissionAtOrBelow(preferred));
			}
		}
		audit.read(patientId, "Trajectory", null);
		return new Trajectory(patientId, scores, doses, events, phases, thresholds, relapses.forPatient(patientId));
	}

	private int remissionAtOrBelow(Instrument instrument) {
		return switch (instrument) {
			case PHQ9 -> 4;
			case QIDS_SR16 -> 5;
			default -> scoreHistory.cutoffs().madrsRemissionAtOrBelow();
		};
	}

	static String scale(Instrument instrument) {
		return switch (instrument) {
			case PHQ9 -> "PHQ-9";
			case GAD7 -> "GAD-7";
			case PCL5 -> "PCL-5";
			case QIDS_SR16 -> "QIDS-SR16";
			case CSSRS_SCREENER -> "C-SSRS";
			case MOAAS -> "MOAA/S";
			case BPRS_POSITIVE -> "BPRS+";
			default -> instrument.name();
		};
	}
}
