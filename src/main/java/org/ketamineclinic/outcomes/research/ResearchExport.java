package org.ketamineclinic.outcomes.research;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis;
import org.ketamineclinic.outcomes.cohort.CohortReadModel;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the research export from the outcomes read model, which never held a name, contact, MRN
 * or free text. Each export draws new pseudonyms and new date offsets, so two exports cannot be
 * joined on them; within one export a patient's dates keep their intervals.
 */
@Service
class ResearchExport {

	/** Dates move by up to this many days either way, never by zero. */
	static final int MAX_SHIFT_DAYS = 180;

	private final CohortReadModel readModel;

	private final CurrentUser currentUser;

	private final ClinicTimeZone zone;

	private final JsonMapper json;

	private final SecureRandom random = new SecureRandom();

	ResearchExport(CohortReadModel readModel, CurrentUser currentUser, ClinicTimeZone zone, JsonMapper json) {
		this.readModel = readModel;
		this.currentUser = currentUser;
		this.zone = zone;
		this.json = json;
	}

	/** One JSON object per course, one per line. */
	@PreAuthorize("hasRole('ADMIN')")
	String ndjson() {
		CohortReadModel.Cohort cohort = readModel.load(new CohortReadModel.Filter(currentUser.clinic().value(),
				LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), null, null, null), zone.zone(), Set.of());
		Map<UUID, String> pseudonyms = new HashMap<>();
		Map<UUID, Integer> shifts = new HashMap<>();
		StringBuilder out = new StringBuilder();
		for (CohortReadModel.CourseRow row : cohort.courses()) {
			CohortAnalysis.Course course = row.course();
			UUID patient = course.patientId();
			String pseudonym = pseudonyms.computeIfAbsent(patient, p -> pseudonym("P"));
			int shift = shifts.computeIfAbsent(patient, p -> shift());
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("patient", pseudonym);
			line.put("course", pseudonym("C"));
			line.put("ageAtCourseStart", age(row.birthDate(), course.startDate()));
			line.put("sexAtBirth", row.sexAtBirth());
			line.put("route", course.route().name());
			line.put("protocol", course.protocol());
			line.put("courseStart", course.startDate().plusDays(shift).toString());
			List<Map<String, Object>> sessions = new ArrayList<>();
			for (CohortAnalysis.Session s : CohortReadModel.sessionsOf(row, cohort.sessions())) {
				sessions.add(Map.of("date", s.day().plusDays(shift).toString(), "doseMg", s.doseMg()));
			}
			sessions.sort(java.util.Comparator.comparing(m -> (String) m.get("date")));
			line.put("sessions", sessions);
			List<Map<String, Object>> ratings = new ArrayList<>();
			for (CohortReadModel.PatientRating r : cohort.ratings().getOrDefault(patient, List.of())) {
				if (row.nextStart() == null || r.day().isBefore(row.nextStart())) {
					ratings.add(Map.of("instrument", r.instrument().name(), "date", r.day().plusDays(shift).toString(), "total",
							r.total()));
				}
			}
			ratings.sort(java.util.Comparator.comparing(m -> (String) m.get("date")));
			line.put("ratings", ratings);
			out.append(json.writeValueAsString(line)).append('\n');
		}
		return out.toString();
	}

	/** Whole years at the course start; 90 and over as one group, as HIPAA Safe Harbor asks. */
	static @Nullable String age(@Nullable LocalDate birthDate, LocalDate on) {
		if (birthDate == null) {
			return null;
		}
		int years = Period.between(birthDate, on).getYears();
		return years > 89 ? "90+" : Integer.toString(years);
	}

	private String pseudonym(String prefix) {
		byte[] bytes = new byte[8];
		random.nextBytes(bytes);
		return prefix + "-" + HexFormat.of().formatHex(bytes);
	}

	private int shift() {
		int days = random.nextInt(2 * MAX_SHIFT_DAYS) - MAX_SHIFT_DAYS;
		return days >= 0 ? days + 1 : days;
	}
}
