package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.scheduling.SchedulingFixtures.at;
import static org.ketamineclinic.scheduling.SchedulingFixtures.localDate;
import static org.ketamineclinic.scheduling.SchedulingFixtures.localTime;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A course's planned sessions booked in one step, each inside its date window, or none of them. */
@ClinicIntegrationTest
class CourseBookingApiTest {

	@LocalServerPort
	int port;

	JsonNode course(ApiClient api, String patient, String startDate) {
		ApiClient.Response created = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", startDate));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	@Test
	void everyPlannedSessionIsBookedInsideItsWindowAtOrAfterThePreferredTime() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "SchedCourse", "IV_KETAMINE", "TRD");
		JsonNode course = course(api, patient, "2027-09-06");
		JsonNode planned = course.get("plannedSessions");
		String path = "/api/v1/courses/" + course.get("id").asString() + "/appointments";

		assertThat(api.post(api.token("therapist"), path, Map.of("firstStart", at(LocalDate.of(2027, 9, 6), 9, 0))).status())
			.isEqualTo(403);
		ApiClient.Response booked = api.post(api.token("frontdesk"), path,
				Map.of("firstStart", at(LocalDate.of(2027, 9, 6), 9, 0), "preferredTime", "09:30"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		JsonNode appointments = booked.json();
		assertThat(appointments.size()).isEqualTo(planned.size());
		LocalDate previous = null;
		for (int i = 0; i < appointments.size(); i++) {
			JsonNode appointment = appointments.get(i);
			JsonNode session = planned.get(i);
			LocalDate day = localDate(appointment.get("start"));
			assertThat(appointment.get("type").asString()).isEqualTo("IV_INFUSION");
			assertThat(appointment.get("courseId").asString()).isEqualTo(course.get("id").asString());
			assertThat(appointment.get("sessionNumber").asInt()).isEqualTo(session.get("number").asInt());
			assertThat(day).isBetween(LocalDate.parse(session.get("earliestDate").asString()),
					LocalDate.parse(session.get("latestDate").asString()));
			assertThat(localTime(appointment.get("start"))).isAfterOrEqualTo(LocalTime.of(9, 30));
			if (previous != null) {
				assertThat(day).isAfter(previous);
			}
			previous = day;
		}
		// A session moves only inside its window.
		JsonNode first = appointments.get(0);
		LocalDate tooLate = LocalDate.parse(planned.get(0).get("latestDate").asString()).plusDays(1);
		ApiClient.Response outside = api.post(api.token("frontdesk"), "/api/v1/appointments/" + first.get("id").asString() + "/reschedule",
				Map.of("start", at(tooLate, 15, 0), "reason", "Travel", "version", first.get("version").asLong()));
		assertThat(outside.status()).as(outside.body()).isEqualTo(422);
		assertThat(outside.json().get("findings").findValuesAsString("ruleId")).containsExactly("SESSION_WINDOW");

		// Nothing is left to book the second time.
		ApiClient.Response again = api.post(api.token("frontdesk"), path, Map.of("firstStart", at(LocalDate.of(2027, 9, 6), 9, 0)));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().size()).isZero();
	}

	@Test
	void esketamineSessionsGoToMonitoredChairsWhileAPrescriberIsOnSite() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "SchedEsk", "IN_ESKETAMINE", "TRD");
		ApiClient.Response created = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "ESKETAMINE_TRD_LABEL", "startDate", "2027-11-15"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode course = created.json();
		// 13:30 and 13:45 are the only starts whose 135 minutes end by 16:00, when the physician leaves.
		ApiClient.Response booked = api.post(api.token("nurse"), "/api/v1/courses/" + course.get("id").asString() + "/appointments",
				Map.of("firstStart", at(LocalDate.of(2027, 11, 15), 13, 30)));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().size()).isEqualTo(course.get("plannedSessions").size());
		List<String> oximeterChairs = new java.util.ArrayList<>();
		for (JsonNode chair : api.get(api.token("admin"), "/api/v1/scheduling/chairs").json()) {
			if (chair.get("capabilities").toString().contains("PULSE_OXIMETER")) {
				oximeterChairs.add(chair.get("id").asString());
			}
		}
		String physician = null;
		for (JsonNode staff : api.get(api.token("admin"), "/api/v1/scheduling/staff-hours").json()) {
			if (staff.get("username").asString().equals("physician")) {
				physician = staff.get("userId").asString();
			}
		}
		for (JsonNode appointment : booked.json()) {
			assertThat(appointment.get("type").asString()).isEqualTo("ESKETAMINE_SESSION");
			assertThat(appointment.get("chairId").asString()).isIn(oximeterChairs);
			assertThat(appointment.get("prescriberId").asString()).isEqualTo(physician);
			assertThat(localTime(appointment.get("start"))).isBetween(LocalTime.of(13, 30), LocalTime.of(13, 45));
		}
	}

	@Test
	void whenSessionsCannotBePlacedTheAnswerListsThemAndNothingIsBooked() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "SchedLate", "IV_KETAMINE", "TRD");
		JsonNode course = course(api, patient, "2027-08-02");
		// A 100-minute infusion starting at 17:00 or later never ends by closing time (18:00).
		ApiClient.Response refused = api.post(api.token("nurse"), "/api/v1/courses/" + course.get("id").asString() + "/appointments",
				Map.of("firstStart", at(LocalDate.of(2027, 8, 2), 9, 0), "preferredTime", "17:00"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("findings").size()).isEqualTo(course.get("plannedSessions").size());
		assertThat(refused.json().get("findings").findValuesAsString("ruleId")).containsOnly("SESSION_NOT_PLACED");
		assertThat(refused.json().get("findings").get(0).get("message").asString()).startsWith("Session 1:");
		assertThat(api.get(api.token("nurse"), "/api/v1/patients/" + patient + "/appointments").json().size()).isZero();
	}
}
