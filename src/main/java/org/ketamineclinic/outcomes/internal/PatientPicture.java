package org.ketamineclinic.outcomes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ScoreHistory;
import org.ketamineclinic.assessment.ScoreHistory.Score;
import org.ketamineclinic.assessment.TreatmentResponses;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.protocol.TreatmentCourses.CourseOutline;
import org.ketamineclinic.protocol.TreatmentCourses.PlannedSessionView;
import org.ketamineclinic.session.DosingHistory;
import org.ketamineclinic.session.DosingHistory.DosingRecord;
import org.springframework.stereotype.Component;

/**
 * What the other modules know of one patient's treatment, read once through their public
 * interfaces (each checks the caller and audits): scores, doses and the current course, with the
 * baseline and the start of maintenance as clinical reference section 4 defines them.
 */
@Component
class PatientPicture {

	record Picture(List<Score> scores, List<DosingRecord> doses, List<CourseOutline> courses, @Nullable CourseOutline current,
			@Nullable LocalDate firstDosingDay, @Nullable Instant maintenanceSince, ZoneId zone) {

		List<Score> of(Instrument instrument) {
			return scores.stream().filter(s -> s.instrument() == instrument).toList();
		}

		/** The first scale of the course's preference that has any score. */
		@Nullable Instrument preferred() {
			for (Instrument instrument : TreatmentResponses.PREFERENCE) {
				if (!of(instrument).isEmpty()) {
					return instrument;
				}
			}
			return null;
		}

		/** The last score on or before the first dosing day; with no dose yet, the earliest. */
		Optional<Score> baseline(Instrument instrument) {
			List<Score> scores = of(instrument);
			if (firstDosingDay == null) {
				return scores.stream().findFirst();
			}
			return scores.stream().filter(s -> !s.completedAt().atZone(zone).toLocalDate().isAfter(firstDosingDay))
				.reduce((a, b) -> b);
		}

		/** The course's next maintenance session still planned. */
		Optional<LocalDate> nextPlannedMaintenance() {
			if (current == null) {
				return Optional.empty();
			}
			return current.sessions().stream()
				.filter(s -> s.phase().equals("MAINTENANCE") && s.status().equals("PLANNED"))
				.map(PlannedSessionView::earliestDate)
				.min(Comparator.naturalOrder());
		}
	}

	private final ScoreHistory scores;
	private final DosingHistory dosing;
	private final TreatmentCourses courses;
	private final ClinicTimeZone zone;

	PatientPicture(ScoreHistory scores, DosingHistory dosing, TreatmentCourses courses, ClinicTimeZone zone) {
		this.scores = scores;
		this.dosing = dosing;
		this.courses = courses;
		this.zone = zone;
	}

	Picture of(UUID patientId) {
		List<Score> all = scores.scores(patientId);
		List<DosingRecord> doses = dosing.forPatient(patientId);
		List<CourseOutline> active = courses.activeCourses(patientId);
		CourseOutline current = active.isEmpty() ? null : active.get(0);
		ZoneId clinicZone = zone.zone();
		LocalDate firstDosingDay = doses.stream()
			.filter(d -> current == null || current.id().equals(d.courseId()))
			.map(d -> d.firstDoseAt().atZone(clinicZone).toLocalDate())
			.min(Comparator.naturalOrder())
			.orElse(doses.isEmpty() ? null : doses.get(0).firstDoseAt().atZone(clinicZone).toLocalDate());
		Instant maintenanceSince = current == null || !current.phase().equals("MAINTENANCE") ? null
				: current.sessions().stream()
					.filter(s -> s.phase().equals("MAINTENANCE"))
					.map(PlannedSessionView::earliestDate)
					.min(Comparator.naturalOrder())
					.map(day -> day.atStartOfDay(clinicZone).toInstant())
					.orElse(null);
		return new Picture(all, doses, active, current, firstDosingDay, maintenanceSince, clinicZone);
	}
}
