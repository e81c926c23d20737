package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.scheduling.SchedulingFixtures.at;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Chair utilisation, monitoring minutes and the no-show rate on a known set of appointments in May 2033, which no other test uses. */
@ClinicIntegrationTest
class CapacityReportTest {

	static final LocalDate SUNDAY = LocalDate.of(2033, 5, 1);
	static final LocalDate MONDAY = SUNDAY.plusDays(1);
	static final LocalDate TUESDAY = SUNDAY.plusDays(2);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	String book(SchedulingFixtures fixtures, String type, LocalDate day, int hour) {
		ApiClient.Response booked = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), type, at(day, hour, 0), Map.of());
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json().get("id").asString();
	}

	/** Outcomes are recorded only after the start time, which in 2033 is far off: the test sets them in the table. */
	void outcome(String appointment, String status) {
		assertThat(jdbc.update("UPDATE scheduling_appointment SET status = ? WHERE id = ?", status, UUID.fromString(appointment)))
			.isEqualTo(1);
	}

	long openMinutes(ApiClient api, String weekday) {
		for (JsonNode span : api.get(api.token("admin"), "/api/v1/scheduling/opening-hours").json()) {
			if (span.get("weekday").asString().equals(weekday)) {
				return Duration.between(LocalTime.parse(span.get("from").asString()), LocalTime.parse(span.get("to").asString())).toMinutes();
			}
		}
		return 0;
	}

	@Test
	void utilisationIsBookedOverOpenChairMinutesAndTheNoShowRateCountsCompletedAndMissed() {
		ApiClient api = new ApiClient(port);
		SchedulingFixtures fixtures = new SchedulingFixtures(api);
		outcome(book(fixtures, "IV_INFUSION", MONDAY, 8), "COMPLETED");
		outcome(book(fixtures, "IV_INFUSION", MONDAY, 10), "NO_SHOW");
		book(fixtures, "IM_INJECTION", MONDAY, 12);
		book(fixtures, "FOLLOW_UP", MONDAY, 8);
		book(fixtures, "ESKETAMINE_SESSION", TUESDAY, 9);
		String cancelled = book(fixtures, "IV_INFUSION", TUESDAY, 13);
		assertThat(api.post(api.token("frontdesk"), "/api/v1/appointments/" + cancelled + "/cancel", Map.of("reason", "moved away"))
			.status()).isEqualTo(200);

		int chairs = 0;
		for (JsonNode chair : api.get(api.token("admin"), "/api/v1/scheduling/chairs").json()) {
			chairs += chair.get("active").asBoolean() ? 1 : 0;
		}
		long mondayOpen = openMinutes(api, "MONDAY") * chairs;
		long tuesdayOpen = openMinutes(api, "TUESDAY") * chairs;

		ApiClient.Response report = api.get(api.token("frontdesk"), "/api/v1/scheduling/capacity?from=" + SUNDAY + "&to=" + TUESDAY);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode capacity = report.json();
		assertThat(capacity.get("chairs").asInt()).isEqualTo(chairs);
		JsonNode days = capacity.get("days");
		assertThat(days.size()).isEqualTo(3);

		JsonNode sunday = days.get(0);
		assertThat(sunday.get("date").asString()).isEqualTo(SUNDAY.toString());
		assertThat(sunday.get("openChairMinutes").asLong()).isZero();
		assertThat(sunday.get("utilisation").isNull()).isTrue();

		JsonNode monday = days.get(1);
		// 100 + 100 (the no-show held its chair) + 90; the follow-up is in a room
		assertThat(monday.get("bookedChairMinutes").asLong()).isEqualTo(290);
		assertThat(monday.get("openChairMinutes").asLong()).isEqualTo(mondayOpen);
		assertThat(monday.get("utilisation").asDouble()).isEqualTo(290.0 / mondayOpen);
		// the completed infusion and the booked injection; nobody was monitored for the no-show
		assertThat(monday.get("monitoringMinutes").asLong()).isEqualTo(190);

		JsonNode tuesday = days.get(2);
		assertThat(tuesday.get("bookedChairMinutes").asLong()).isEqualTo(135);
		assertThat(tuesday.get("utilisation").asDouble()).isEqualTo(135.0 / tuesdayOpen);
		assertThat(tuesday.get("monitoringMinutes").asLong()).isEqualTo(135);

		assertThat(capacity.get("completed").asLong()).isEqualTo(1);
		assertThat(capacity.get("noShows").asLong()).isEqualTo(1);
		assertThat(capacity.get("noShowRate").asDouble()).isEqualTo(0.5);
	}

	@Test
	void anEmptyPeriodHasNoNoShowRateAndTheReportIsForAdministratorsTheFrontDeskAndPhysicians() {
		ApiClient api = new ApiClient(port);
		String path = "/api/v1/scheduling/capacity?from=2033-06-06&to=2033-06-07";
		for (String reader : new String[] { "admin", "frontdesk", "physician" }) {
			ApiClient.Response report = api.get(api.token(reader), path);
			assertThat(report.status()).as(reader).isEqualTo(200);
			assertThat(report.json().get("noShowRate").isNull()).isTrue();
			assertThat(report.json().get("days").get(0).get("bookedChairMinutes").asLong()).isZero();
		}
		for (String other : new String[] { "nurse", "therapist", "patient1" }) {
			assertThat(api.get(api.token(other), path).status()).as(other).isEqualTo(403);
		}
		assertThat(api.get(api.token("admin"), "/api/v1/scheduling/capacity?from=2033-06-07&to=2033-06-06").status()).isEqualTo(400);
		assertThat(api.get(api.token("admin"), "/api/v1/scheduling/capacity?from=2033-01-01&to=2034-06-01").status()).isEqualTo(400);
		assertThat(api.get(api.token("admin"), "/api/v1/scheduling/capacity?from=soon&to=2033-06-06").status()).isEqualTo(400);
	}
}
