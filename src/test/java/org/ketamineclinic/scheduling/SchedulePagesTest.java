package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.scheduling.SchedulingFixtures.at;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The front desk's day and week pages: whole pages, the htmx partials, booking from the page, and who may see them. */
@ClinicIntegrationTest
class SchedulePagesTest {

	/** A Monday in 2031, a year no other test books in. */
	static final LocalDate DAY = LocalDate.of(2031, 3, 3);

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	WebSession as(String username) {
		return new WebSession(port).signIn(username, ApiClient.DEMO_PASSWORD);
	}

	String familyName(SchedulingFixtures fixtures, String patientId) {
		return fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/patients/" + patientId).json().get("familyName").asString();
	}

	@Test
	void theTimelinePartialAnswersHtmxWithJustTheFragmentIncludingBookedAppointments() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		ApiClient.Response booked = fixtures.book(fixtures.token("frontdesk"), patient, "IV_INFUSION", at(DAY, 10, 0), Map.of());
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String name = familyName(fixtures, patient);
		WebSession frontDesk = as("frontdesk");

		HttpResponse<String> partial = frontDesk.getHtmx("/schedule?date=" + DAY);
		assertThat(partial.statusCode()).isEqualTo(200);
		assertThat(partial.body().strip()).startsWith("<section id=\"timeline\"");
		assertThat(partial.body()).doesNotContain("<html", "<nav", "Book an appointment")
			.contains(name, booked.json().get("id").asString(), "data-left=\"20.0\"", "data-width=\"16.67\"");

		HttpResponse<String> page = frontDesk.get("/schedule?date=" + DAY);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "Book an appointment", "Book a course", name, "Previous day",
				"/schedule?date=" + DAY.minusDays(1), "/schedule?date=" + DAY.plusDays(1), "js/schedule.js");
		assertThat(page.body()).doesNotContain("style=");
	}

	@Test
	void theFrontDeskBooksFromThePageWithAFreeSlotAndThePatientFoundByName() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		String name = familyName(fixtures, patient);
		LocalDate day = DAY.plusDays(1);
		WebSession frontDesk = as("frontdesk");

		String csrf = frontDesk.csrfTokenOf("/schedule?date=" + day);
		HttpResponse<String> hits = frontDesk.postForm("/schedule/patients", Map.of("_csrf", csrf, "query", name));
		assertThat(hits.statusCode()).isEqualTo(200);
		assertThat(hits.body()).contains("value=\"" + patient + "\"").doesNotContain("<html");
		HttpResponse<String> slots = frontDesk.getHtmx("/schedule/slots?date=" + day + "&type=FOLLOW_UP");
		String first = at(day, 8, 0);
		assertThat(slots.body()).contains("value=\"" + first + "\"", ">08:00<");

		HttpResponse<String> posted = frontDesk.postForm("/schedule/appointments",
				Map.of("_csrf", csrf, "type", "FOLLOW_UP", "patientId", patient, "start", first, "date", day.toString()));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/schedule?date=" + day);
		JsonNode mine = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/patients/" + patient + "/appointments").json();
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("type").asString()).isEqualTo("FOLLOW_UP");
		assertThat(mine.get(0).get("start").asString()).isEqualTo(first);
		assertThat(frontDesk.get("/schedule?date=" + day).body()).contains("Booked follow up on " + day + " at 08:00", name);

		// Taken now: the page says why instead of booking twice.
		HttpResponse<String> again = frontDesk.postForm("/schedule/appointments",
				Map.of("_csrf", csrf, "type", "FOLLOW_UP", "patientId", patient, "start", first, "date", day.toString()));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(frontDesk.get("/schedule?date=" + day).body()).contains("Not booked:");
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/patients/" + patient + "/appointments").json().size()).isEqualTo(1);
	}

	@Test
	void cancellingFromThePageTakesTheReasonAndFreesTheChair() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		LocalDate day = DAY.plusDays(2);
		JsonNode booked = fixtures.book(fixtures.token("frontdesk"), patient, "IM_INJECTION", at(day, 14, 0), Map.of()).json();
		WebSession frontDesk = as("frontdesk");
		String csrf = frontDesk.csrfTokenOf("/schedule?date=" + day);
		HttpResponse<String> cancelled = frontDesk.postForm("/schedule/appointments/" + booked.get("id").asString() + "/cancel",
				Map.of("_csrf", csrf, "reason", "patient has the flu", "version", booked.get("version").asString(), "date", day.toString()));
		assertThat(cancelled.statusCode()).isEqualTo(302);
		JsonNode now = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/appointments/" + booked.get("id").asString()).json();
		assertThat(now.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(now.get("statusReason").asString()).isEqualTo("patient has the flu");
		assertThat(frontDesk.getHtmx("/schedule?date=" + day).body()).doesNotContain(booked.get("id").asString());
	}

	@Test
	void reschedulingFromThePageTakesTheNewWallClockTimeAndTheReason() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		LocalDate day = DAY.plusDays(8);
		JsonNode booked = fixtures.book(fixtures.token("frontdesk"), patient, "FOLLOW_UP", at(day, 9, 0), Map.of()).json();
		WebSession frontDesk = as("frontdesk");
		String csrf = frontDesk.csrfTokenOf("/schedule?date=" + day);
		HttpResponse<String> moved = frontDesk.postForm("/schedule/appointments/" + booked.get("id").asString() + "/reschedule",
				Map.of("_csrf", csrf, "start", day.plusDays(1) + "T14:30", "reason", "clashes with work", "version",
						booked.get("version").asString(), "date", day.toString()));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/schedule?date=" + day.plusDays(1));
		JsonNode now = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/appointments/" + booked.get("id").asString()).json();
		assertThat(now.get("start").asString()).isEqualTo(at(day.plusDays(1), 14, 30));
		assertThat(now.get("statusReason").asString()).isEqualTo("clashes with work");

		// The old version is stale now: the page says so and changes nothing.
		frontDesk.postForm("/schedule/appointments/" + booked.get("id").asString() + "/reschedule",
				Map.of("_csrf", csrf, "start", day.plusDays(1) + "T15:30", "reason", "again", "version", booked.get("version").asString(),
						"date", day.toString()));
		assertThat(frontDesk.get("/schedule?date=" + day).body()).contains("Someone changed this appointment meanwhile");
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/appointments/" + booked.get("id").asString()).json()
			.get("start").asString()).isEqualTo(at(day.plusDays(1), 14, 30));
	}

	@Test
	void theNoShowButtonAppearsOnlyAfterTheStartAndRecordsTheNoShow() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		LocalDate future = DAY.plusDays(9);
		String id = fixtures.book(fixtures.token("frontdesk"), patient, "FOLLOW_UP", at(future, 11, 0), Map.of()).json().get("id")
			.asString();
		WebSession frontDesk = as("frontdesk");
		assertThat(frontDesk.get("/schedule?date=" + future).body()).contains("/schedule/appointments/" + id + "/cancel")
			.doesNotContain("/schedule/appointments/" + id + "/no-show");

		// Nobody can book the past, so the appointment is moved there in the table: a Monday in 2020 no test uses.
		LocalDate past = LocalDate.of(2020, 1, 6);
		assertThat(jdbc.update("UPDATE scheduling_appointment SET start_at = ?, end_at = ? WHERE id = ?",
				java.sql.Timestamp.from(java.time.Instant.parse(at(past, 11, 0))),
				java.sql.Timestamp.from(java.time.Instant.parse(at(past, 11, 20))), java.util.UUID.fromString(id))).isEqualTo(1);
		String page = frontDesk.get("/schedule?date=" + past).body();
		assertThat(page).contains("/schedule/appointments/" + id + "/no-show");
		String csrf = frontDesk.csrfTokenOf("/schedule?date=" + past);
		assertThat(frontDesk.postForm("/schedule/appointments/" + id + "/no-show", Map.of("_csrf", csrf, "reason", "", "date",
				past.toString())).statusCode()).isEqualTo(302);
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/appointments/" + id).json().get("status").asString())
			.isEqualTo("NO_SHOW");
		assertThat(frontDesk.get("/schedule?date=" + past).body()).contains("Recorded as a no-show.", "block-no_show");
	}

	@Test
	void theWeekOfOneClinicianShowsTheirAppointmentsAndHoursAndNavigatesWithHtmx() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		String nurse = fixtures.userId("nurse");
		LocalDate thursday = DAY.plusDays(3);
		ApiClient.Response booked = fixtures.book(fixtures.token("frontdesk"), patient, "IM_INJECTION", at(thursday, 9, 0),
				Map.of("staffId", nurse));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		WebSession frontDesk = as("frontdesk");

		HttpResponse<String> page = frontDesk.get("/schedule/week?staffId=" + nurse + "&date=" + thursday);
		assertThat(page.statusCode()).isEqualTo(200);
		String thursdayHours = null;
		for (JsonNode staff : fixtures.api.get(fixtures.token("admin"), "/api/v1/scheduling/staff-hours").json()) {
			if (staff.get("userId").asString().equals(nurse)) {
				for (JsonNode span : staff.get("hours")) {
					if (span.get("weekday").asString().equals("THURSDAY")) {
						thursdayHours = "Works " + span.get("from").asString().substring(0, 5) + "-" + span.get("to").asString().substring(0, 5);
					}
				}
			}
		}
		assertThat(thursdayHours).isNotNull();
		assertThat(page.body()).contains("<html", "Week per clinician", familyName(fixtures, patient), "09:00-10:30", thursdayHours,
				"Not working");
		HttpResponse<String> next = frontDesk.getHtmx("/schedule/week?staffId=" + nurse + "&date=" + DAY.plusDays(7));
		assertThat(next.body().strip()).startsWith("<section id=\"week\"");
		assertThat(next.body()).doesNotContain("<html", familyName(fixtures, patient)).contains("10 March 2031");
	}

	@Test
	void staffOfEveryRoleSeeTheSchedulePatientsDoNotAndAdministratorsSeeNoNames() {
		SchedulingFixtures fixtures = new SchedulingFixtures(new ApiClient(port));
		String patient = fixtures.patient();
		LocalDate day = DAY.plusDays(7);
		assertThat(fixtures.book(fixtures.token("nurse"), patient, "IV_INFUSION", at(day, 8, 0), Map.of()).status()).isEqualTo(201);
		String name = familyName(fixtures, patient);

		for (String staff : new String[] { "frontdesk", "nurse", "physician", "therapist" }) {
			HttpResponse<String> page = as(staff).get("/schedule?date=" + day);
			assertThat(page.statusCode()).as(staff).isEqualTo(200);
			assertThat(page.body()).as(staff).contains(name, ">Schedule</a>");
		}
		HttpResponse<String> admin = as("admin").get("/schedule?date=" + day);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("iv infusion", ">Schedule</a>").doesNotContain(name, "Book an appointment");
		assertThat(as("therapist").get("/schedule?date=" + day).body()).doesNotContain("Book a course");

		WebSession patientSession = as("patient1");
		assertThat(patientSession.get("/schedule?date=" + day).statusCode()).isEqualTo(403);
		assertThat(patientSession.getHtmx("/schedule?date=" + day).statusCode()).isEqualTo(403);
		assertThat(patientSession.get("/schedule/week").statusCode()).isEqualTo(403);
		assertThat(patientSession.get("/schedule/capacity").statusCode()).isEqualTo(403);
		assertThat(as("therapist").get("/schedule/capacity").statusCode()).isEqualTo(403);
		assertThat(as("nurse").get("/schedule/capacity").statusCode()).isEqualTo(403);
		for (String reporter : new String[] { "admin", "frontdesk", "physician" }) {
			HttpResponse<String> report = as(reporter).get("/schedule/capacity?from=" + day + "&to=" + day.plusDays(6));
			assertThat(report.statusCode()).as(reporter).isEqualTo(200);
			assertThat(report.body()).contains("capacity-chart", "js/capacity.js", "chart.umd.js").doesNotContain(name);
		}
	}
}
