package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.scheduling.SchedulingFixtures.at;
import static org.ketamineclinic.scheduling.SchedulingFixtures.localTime;
import static org.ketamineclinic.scheduling.SchedulingFixtures.slotTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Which slots the clinic offers: inside opening hours, never on a closure, in a chair with the
 * equipment, with a person of the right role working and free, and for esketamine a prescriber
 * on site. Each test uses its own dates, since the demo clinic has one nurse for everyone.
 */
@ClinicIntegrationTest
class AvailabilityApiTest {

	@LocalServerPort
	int port;

	SchedulingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SchedulingFixtures(new ApiClient(port));
	}

	JsonNode availability(LocalDate date, String type) {
		ApiClient.Response response = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/availability?date=" + date + "&type=" + type);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void slotsFillTheOpeningHoursOnAQuarterHourGridAndEsketamineEndsWhenThePrescriberLeaves() {
		LocalDate monday = LocalDate.of(2027, 2, 1);
		JsonNode iv = availability(monday, "IV_INFUSION");
		assertThat(iv.get("date").asString()).isEqualTo("2027-02-01");
		assertThat(iv.get("type").asString()).isEqualTo("IV_INFUSION");
		List<LocalTime> ivTimes = slotTimes(iv);
		// 100 minutes from 08:00 on; the last one that ends by 18:00 starts at 16:15.
		assertThat(ivTimes.get(0)).isEqualTo(LocalTime.of(8, 0));
		assertThat(ivTimes.get(ivTimes.size() - 1)).isEqualTo(LocalTime.of(16, 15));
		assertThat(ivTimes).hasSize(34).allMatch(time -> time.getMinute() % 15 == 0);
		String pumpChairs = fixtures.api.get(fixtures.token("admin"), "/api/v1/scheduling/chairs").body();
		for (JsonNode slot : iv.get("slots")) {
			assertThat(Duration.between(Instant.parse(slot.get("start").asString()), Instant.parse(slot.get("end").asString())))
				.isEqualTo(Duration.ofMinutes(100));
			assertThat(slot.get("staffId").asString()).isEqualTo(fixtures.userId("nurse"));
			assertThat(slot.get("chairId").asString()).isIn(chairsWith("INFUSION_PUMP"));
		}
		assertThat(pumpChairs).contains("INFUSION_PUMP");

		// The nurse works until 18:00, but the physician (prescriber) only until 16:00: 135 minutes end by then.
		List<LocalTime> esketamine = slotTimes(availability(monday, "ESKETAMINE_SESSION"));
		assertThat(esketamine.get(esketamine.size() - 1)).isEqualTo(LocalTime.of(13, 45));
		// Evaluations are held by the physician in a room.
		JsonNode evaluation = availability(monday, "EVALUATION");
		assertThat(slotTimes(evaluation).get(slotTimes(evaluation).size() - 1)).isEqualTo(LocalTime.of(15, 0));
		assertThat(evaluation.get("slots").get(0).get("roomId").asString()).isNotBlank();
		assertThat(evaluation.get("slots").get(0).get("staffId").asString()).isEqualTo(fixtures.userId("physician"));

		ApiClient.Response late = fixtures.book(fixtures.token("nurse"), fixtures.patient(), "ESKETAMINE_SESSION", at(monday, 14, 0), Map.of());
		assertThat(late.status()).as(late.body()).isEqualTo(422);
		assertThat(late.json().get("findings").findValuesAsString("ruleId")).containsExactly("PRESCRIBER_ON_SITE");
	}

	@Test
	void weekendsAndClosuresOfferNothingAndRefuseBookings() {
		assertThat(availability(LocalDate.of(2027, 2, 6), "IV_INFUSION").get("slots").size()).isZero();

		LocalDate closed = LocalDate.of(2027, 2, 10);
		assertThat(availability(closed, "FOLLOW_UP").get("slots").size()).isPositive();
		ApiClient.Response closure = fixtures.api.post(fixtures.token("admin"), "/api/v1/scheduling/closures",
				Map.of("date", closed.toString(), "reason", "Staff training day"));
		assertThat(closure.status()).as(closure.body()).isEqualTo(201);
		assertThat(fixtures.api.post(fixtures.token("nurse"), "/api/v1/scheduling/closures",
				Map.of("date", "2027-02-11", "reason", "Not a nurse's call")).status()).isEqualTo(403);
		assertThat(availability(closed, "FOLLOW_UP").get("slots").size()).isZero();

		ApiClient.Response refused = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), "FOLLOW_UP", at(closed, 10, 0), Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("start");

		// Outside the opening hours on an open day: 17:50 plus 20 minutes ends after 18:00.
		ApiClient.Response tooLate = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), "FOLLOW_UP",
				at(LocalDate.of(2027, 2, 9), 17, 50), Map.of());
		assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(400);
		assertThat(tooLate.json().get("errors").findValuesAsString("field")).containsExactly("start");
	}

	@Test
	void aChairWithoutTheNeededEquipmentIsRefusedWith422() {
		LocalDate monday = LocalDate.of(2027, 2, 15);
		String noPump = fixtures.resource("chairs", "INFUSION_PUMP", false);
		ApiClient.Response refused = fixtures.book(fixtures.token("nurse"), fixtures.patient(), "IV_INFUSION", at(monday, 9, 0),
				Map.of("chairId", noPump));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("findings").findValuesAsString("ruleId")).containsExactly("CAPABILITY_REQUIRED");

		// The same chair takes an IM injection, which needs no pump.
		ApiClient.Response im = fixtures.book(fixtures.token("nurse"), fixtures.patient(), "IM_INJECTION", at(monday, 9, 0),
				Map.of("chairId", noPump));
		assertThat(im.status()).as(im.body()).isEqualTo(201);
		assertThat(im.json().get("chairId").asString()).isEqualTo(noPump);

		// A chair for a talking appointment is a field error.
		ApiClient.Response wrongKind = fixtures.book(fixtures.token("nurse"), fixtures.patient(), "FOLLOW_UP", at(monday, 13, 0),
				Map.of("chairId", noPump));
		assertThat(wrongKind.status()).isEqualTo(400);
		assertThat(wrongKind.json().get("errors").findValuesAsString("field")).containsExactly("chairId");
	}

	@Test
	void aBookedNurseIsNotOfferedAgainUntilTheAppointmentEnds() {
		LocalDate monday = LocalDate.of(2027, 2, 22);
		ApiClient.Response booked = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), "IV_INFUSION", at(monday, 9, 0), Map.of());
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(localTime(booked.json().get("end"))).isEqualTo(LocalTime.of(10, 40));

		// The demo clinic has one nurse: every dosing slot overlapping 09:00 to 10:40 is gone, in every chair.
		for (String type : List.of("IV_INFUSION", "IM_INJECTION", "ESKETAMINE_SESSION")) {
			List<LocalTime> times = slotTimes(availability(monday, type));
			assertThat(times).as(type).first().isEqualTo(LocalTime.of(10, 45));
		}
		// Rooms and physicians are untouched.
		assertThat(slotTimes(availability(monday, "FOLLOW_UP"))).contains(LocalTime.of(9, 0), LocalTime.of(9, 30));
	}

	@Test
	void aTherapistIsOfferedOnlyInTheirWorkingHours() {
		// The demo therapist works Monday to Thursday, 09:00 to 17:00.
		assertThat(availability(LocalDate.of(2027, 3, 5), "INTEGRATION_THERAPY").get("slots").size()).isZero();
		List<LocalTime> monday = slotTimes(availability(LocalDate.of(2027, 3, 1), "INTEGRATION_THERAPY"));
		assertThat(monday).first().isEqualTo(LocalTime.of(9, 0));
		assertThat(monday).last().isEqualTo(LocalTime.of(16, 0));

		ApiClient.Response outside = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), "INTEGRATION_THERAPY",
				at(LocalDate.of(2027, 3, 1), 17, 0), Map.of("staffId", fixtures.userId("therapist")));
		assertThat(outside.status()).as(outside.body()).isEqualTo(422);
		assertThat(outside.json().get("findings").findValuesAsString("ruleId")).containsExactly("STAFF_HOURS");

		ApiClient.Response nurseForTherapy = fixtures.book(fixtures.token("frontdesk"), fixtures.patient(), "INTEGRATION_THERAPY",
				at(LocalDate.of(2027, 3, 1), 10, 0), Map.of("staffId", fixtures.userId("nurse")));
		assertThat(nurseForTherapy.status()).isEqualTo(400);
		assertThat(nurseForTherapy.json().get("errors").findValuesAsString("field")).containsExactly("staffId");
	}

	@Test
	void anAdministratorChangesAPersonsWeekAndTheSlotsFollow() {
		String therapist = fixtures.userId("therapist");
		String path = "/api/v1/scheduling/staff-hours/" + therapist;
		LocalDate friday = LocalDate.of(2027, 3, 12);
		List<Map<String, String>> monToThu = new java.util.ArrayList<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY")) {
			monToThu.add(Map.of("weekday", day, "from", "09:00", "to", "17:00"));
		}
		List<Map<String, String>> withFriday = new java.util.ArrayList<>(monToThu);
		withFriday.add(Map.of("weekday", "FRIDAY", "from", "12:00", "to", "17:00"));

		ApiClient.Response invalid = fixtures.api.put(fixtures.token("admin"), path,
				Map.of("hours", List.of(Map.of("weekday", "FRIDAY", "from", "17:00", "to", "12:00"), Map.of("weekday", "FUNDAY"))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("hours[0].to", "hours[1].weekday");
		assertThat(fixtures.api.put(fixtures.token("nurse"), path, Map.of("hours", withFriday)).status()).isEqualTo(403);
		assertThat(availability(friday, "INTEGRATION_THERAPY").get("slots").size()).isZero();
		try {
			ApiClient.Response changed = fixtures.api.put(fixtures.token("admin"), path, Map.of("hours", withFriday));
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			assertThat(changed.json().get("hours").findValuesAsString("weekday")).contains("FRIDAY");
			assertThat(slotTimes(availability(friday, "INTEGRATION_THERAPY"))).first().isEqualTo(LocalTime.of(12, 0));
		}
		finally {
			assertThat(fixtures.api.put(fixtures.token("admin"), path, Map.of("hours", monToThu)).status()).isEqualTo(200);
		}
		assertThat(availability(friday, "INTEGRATION_THERAPY").get("slots").size()).isZero();
	}

	@Test
	void openingHoursAreReplacedWholeByAnAdministratorAndCheckedFieldByField() {
		ApiClient.Response week = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/scheduling/opening-hours");
		assertThat(week.status()).isEqualTo(200);
		assertThat(week.json().findValuesAsString("weekday")).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
		assertThat(week.json().get(0).get("from").asString()).startsWith("08:00");

		ApiClient.Response invalid = fixtures.api.put(fixtures.token("admin"), "/api/v1/scheduling/opening-hours",
				Map.of("hours", List.of(Map.of("weekday", "MONDAY", "from", "8 am", "to", "18:00"),
						Map.of("weekday", "MONDAY", "from", "09:00", "to", "08:00"))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("hours[0].from", "hours[1].to",
				"hours[1].weekday");
		assertThat(fixtures.api.put(fixtures.token("frontdesk"), "/api/v1/scheduling/opening-hours",
				Map.of("hours", List.of(Map.of("weekday", "SUNDAY", "from", "09:00", "to", "12:00")))).status()).isEqualTo(403);
		// Nothing changed: Sunday is still closed.
		assertThat(availability(LocalDate.of(2027, 2, 7), "FOLLOW_UP").get("slots").size()).isZero();
	}

	@Test
	void availabilityNeedsADateAndAKnownType() {
		ApiClient.Response bad = fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/availability?date=2027-13-01&type=MASSAGE");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("date", "type");
		assertThat(fixtures.api.get(fixtures.token("patient1"), "/api/v1/availability?date=2027-02-01&type=FOLLOW_UP").status())
			.isEqualTo(403);
	}

	private List<String> chairsWith(String capability) {
		List<String> ids = new java.util.ArrayList<>();
		for (JsonNode chair : fixtures.api.get(fixtures.token("admin"), "/api/v1/scheduling/chairs").json()) {
			if (chair.get("capabilities").toString().contains(capability)) {
				ids.add(chair.get("id").asString());
			}
		}
		return ids;
	}
}
