package org.ketamineclinic.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The schedule drives the chair board: booking a course's sessions plans each dosing session in the
 * booked chair at the booked time, a reschedule moves the planned session, a cancellation cancels it,
 * and a session the nurse had already planned by hand is linked instead of planned twice.
 */
@ClinicIntegrationTest
class ScheduledSessionsTest {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	@LocalServerPort
	int port;

	@Test
	void bookingACoursePlansItsSessionsAndTheyFollowTheirAppointments() {
		ApiClient api = new ApiClient(port);
		String nurse = api.token("nurse");
		String frontDesk = api.token("frontdesk");
		String patient = Courses.approvedPatient(api, "FromSchedule", "IV_KETAMINE", "TRD");
		LocalDate monday = LocalDate.of(2027, 5, 3);
		ApiClient.Response course = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", monday.toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String courseId = course.json().get("id").asString();
		// Session 1 was planned by hand before the booking.
		ApiClient.Response byHand = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "courseId", courseId,
				"courseSessionNumber", 1, "scheduledStart", at(monday, 7, 0)));
		assertThat(byHand.status()).as(byHand.body()).isEqualTo(201);

		ApiClient.Response booked = api.post(frontDesk, "/api/v1/courses/" + courseId + "/appointments",
				Map.of("firstStart", at(monday, 9, 0), "preferredTime", "09:00"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		JsonNode appointments = booked.json();
		int planned = appointments.size();
		assertThat(planned).isGreaterThanOrEqualTo(6);

		JsonNode sessions = awaitSessions(api, nurse, patient, list -> list.size() == planned
				&& list.findValuesAsString("appointmentId").size() == planned);
		for (JsonNode appointment : appointments) {
			JsonNode session = sessionOf(sessions, appointment.get("id").asString());
			assertThat(session.get("status").asString()).isEqualTo("PLANNED");
			assertThat(session.get("courseSessionNumber").asInt()).isEqualTo(appointment.get("sessionNumber").asInt());
			assertThat(session.get("scheduledStart").asString()).isEqualTo(appointment.get("start").asString());
			assertThat(session.get("chairId").asString()).startsWith("Chair");
		}
		JsonNode first = sessionOf(sessions, appointments.get(0).get("id").asString());
		assertThat(first.get("id").asString()).as("the session planned by hand is linked, not planned again")
			.isEqualTo(byHand.json().get("id").asString());

		// The second appointment moves an hour later inside its window: the session follows.
		JsonNode second = appointments.get(1);
		String later = java.time.Instant.parse(second.get("start").asString()).plus(Duration.ofHours(1)).toString();
		ApiClient.Response moved = api.post(frontDesk, "/api/v1/appointments/" + second.get("id").asString() + "/reschedule",
				Map.of("start", later, "reason", "Patient asked for later", "version", second.get("version").asLong()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		awaitSessions(api, nurse, patient, list -> later.equals(sessionOf(list, second.get("id").asString()).get("scheduledStart").asString()));

		// The third is cancelled: so is its session, and the course session is free for a new booking.
		JsonNode third = appointments.get(2);
		assertThat(api.post(frontDesk, "/api/v1/appointments/" + third.get("id").asString() + "/cancel",
				Map.of("reason", "Unwell")).status()).isEqualTo(200);
		JsonNode afterCancel = awaitSessions(api, nurse, patient,
				list -> sessionOf(list, third.get("id").asString()).get("status").asString().equals("CANCELLED"));
		assertThat(afterCancel.findValuesAsString("status").stream().filter("PLANNED"::equals).count()).isEqualTo(planned - 1);
	}

	static JsonNode awaitSessions(ApiClient api, String token, String patient, Predicate<JsonNode> until) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			ApiClient.Response list = api.get(token, "/api/v1/patients/" + patient + "/sessions");
			assertThat(list.status()).as(list.body()).isEqualTo(200);
			last[0] = list.json();
			return until.test(last[0]);
		});
		return last[0];
	}

	static JsonNode sessionOf(JsonNode sessions, String appointmentId) {
		for (JsonNode session : sessions) {
			if (appointmentId.equals(session.path("appointmentId").asString(null))) {
				return session;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	static String at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant().toString();
	}
}
