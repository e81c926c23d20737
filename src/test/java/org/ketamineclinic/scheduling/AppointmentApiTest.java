package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.scheduling.SchedulingFixtures.at;
import static org.ketamineclinic.scheduling.SchedulingFixtures.localDate;
import static org.ketamineclinic.scheduling.SchedulingFixtures.localTime;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Booking, conflicts, reschedule, cancellation, no-show, series and who may book. Each test has its own dates. */
@ClinicIntegrationTest
class AppointmentApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	SchedulingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SchedulingFixtures(new ApiClient(port));
	}

	@Test
	void aChairAPersonOrAPatientTakenAtAnyMomentOfTheTimeGives409() {
		LocalDate monday = LocalDate.of(2027, 4, 12);
		String token = fixtures.token("frontdesk");
		String patient = fixtures.patient();
		String pumpChair = fixtures.resource("chairs", "INFUSION_PUMP", true);
		ApiClient.Response booked = fixtures.book(token, patient, "IV_INFUSION", at(monday, 9, 0), Map.of("chairId", pumpChair));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		JsonNode appointment = booked.json();
		assertThat(appointment.get("id").asString()).isNotBlank();
		assertThat(appointment.get("type").asString()).isEqualTo("IV_INFUSION");
		assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
		assertThat(appointment.get("patientId").asString()).isEqualTo(patient);
		assertThat(appointment.get("chairId").asString()).isEqualTo(pumpChair);
		assertThat(appointment.get("staffId").asString()).isEqualTo(fixtures.userId("nurse"));
		assertThat(Instant.parse(appointment.get("start").asString())).isEqualTo(Instant.parse(at(monday, 9, 0)));
		assertThat(localTime(appointment.get("end"))).isEqualTo(LocalTime.of(10, 40));

		// The same chair in the last minutes of the infusion's recovery.
		ApiClient.Response chairTaken = fixtures.book(token, fixtures.patient(), "IM_INJECTION", at(monday, 10, 30),
				Map.of("chairId", pumpChair, "staffId", fixtures.userId("nurse")));
		assertThat(chairTaken.status()).as(chairTaken.body()).isEqualTo(409);
		// Another chair, but the only nurse is busy.
		ApiClient.Response nurseTaken = fixtures.book(token, fixtures.patient(), "IM_INJECTION", at(monday, 8, 0),
				Map.of("chairId", fixtures.resource("chairs", "INFUSION_PUMP", false)));
		assertThat(nurseTaken.status()).as(nurseTaken.body()).isEqualTo(409);
		// The patient cannot see the physician in a room during the infusion.
		ApiClient.Response patientTaken = fixtures.book(token, patient, "FOLLOW_UP", at(monday, 10, 0), Map.of());
		assertThat(patientTaken.status()).as(patientTaken.body()).isEqualTo(409);
		// Back to back is fine: the infusion ends at 10:40.
		assertThat(fixtures.book(token, patient, "FOLLOW_UP", at(monday, 10, 40), Map.of()).status()).isEqualTo(201);

		JsonNode list = fixtures.api.get(token, "/api/v1/appointments?from=" + monday + "&to=" + monday.plusDays(1) + "&patientId=" + patient)
			.json();
		assertThat(list.findValuesAsString("type")).containsExactly("IV_INFUSION", "FOLLOW_UP");
		assertThat(fixtures.api.get(token, "/api/v1/appointments?from=" + monday + "&to=" + monday.plusDays(1) + "&chairId=" + pumpChair)
			.json().findValuesAsString("patientId")).containsExactly(patient);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND resource_type = 'Appointment' "
				+ "AND action = 'CREATE'", Integer.class, UUID.fromString(patient))).isEqualTo(2);
	}

	@Test
	void fiftySimultaneousAttemptsAtOneSlotBookItExactlyOnce() throws Exception {
		LocalDate monday = LocalDate.of(2027, 6, 7);
		String token = fixtures.token("frontdesk");
		String chair = fixtures.resource("chairs", "INFUSION_PUMP", true);
		List<String> patients = new java.util.ArrayList<>();
		for (int i = 0; i < 50; i++) {
			patients.add(fixtures.patient());
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
		java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(50);
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> attempts = new java.util.ArrayList<>();
		try {
			for (String patient : patients) {
				attempts.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return fixtures.book(token, patient, "IV_INFUSION", at(monday, 10, 0), Map.of("chairId", chair)).status();
				}));
			}
			ready.await();
			go.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> attempt : attempts) {
				statuses.add(attempt.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduling_appointment WHERE resource_id = ? AND status <> 'CANCELLED' "
				+ "AND tstzrange(start_at, end_at) && tstzrange(?, ?)", Integer.class, UUID.fromString(chair),
				Timestamp.from(Instant.parse(at(monday, 8, 0))), Timestamp.from(Instant.parse(at(monday, 18, 0))))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduling_appointment WHERE patient_id = ANY (CAST(? AS uuid[]))",
				Integer.class, "{" + String.join(",", patients) + "}")).isEqualTo(1);
	}

	@Test
	void theDatabaseItselfRefusesAnOverlapForAChairAndIgnoresCancelledOnes() {
		String chair = fixtures.resource("chairs", "INFUSION_PUMP", true);
		UUID clinic = jdbc.queryForObject("SELECT clinic_id FROM scheduling_resource WHERE id = ?", UUID.class, UUID.fromString(chair));
		Instant start = Instant.parse(at(LocalDate.of(2029, 1, 8), 9, 0));
		String insert = "INSERT INTO scheduling_appointment (id, clinic_id, patient_id, type, start_at, end_at, resource_id, status, version, "
				+ "created_at, created_by) VALUES (?, ?, ?, 'IV_INFUSION', ?, ?, ?, ?, 0, now(), 'test')";
		jdbc.update(insert, UUID.randomUUID(), clinic, UUID.randomUUID(), Timestamp.from(start), Timestamp.from(start.plus(100, ChronoUnit.MINUTES)),
				UUID.fromString(chair), "CANCELLED");
		jdbc.update(insert, UUID.randomUUID(), clinic, UUID.randomUUID(), Timestamp.from(start), Timestamp.from(start.plus(100, ChronoUnit.MINUTES)),
				UUID.fromString(chair), "BOOKED");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert, UUID.randomUUID(), clinic, UUID.randomUUID(),
				Timestamp.from(start.plus(99, ChronoUnit.MINUTES)), Timestamp.from(start.plus(120, ChronoUnit.MINUTES)), UUID.fromString(chair),
				"BOOKED"))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
			.hasMessageContaining("scheduling_appointment_resource_free");
	}

	@Test
	void rescheduleNeedsAReasonAndTheCurrentVersionAndCancelFreesTheTime() {
		LocalDate monday = LocalDate.of(2027, 4, 19);
		LocalDate tuesday = monday.plusDays(1);
		String token = fixtures.token("frontdesk");
		String patient = fixtures.patient();
		JsonNode booked = fixtures.book(token, patient, "FOLLOW_UP", at(monday, 10, 0), Map.of()).json();
		String path = "/api/v1/appointments/" + booked.get("id").asString();
		String room = booked.get("roomId").asString();

		ApiClient.Response noReason = fixtures.api.post(token, path + "/reschedule", Map.of("start", at(tuesday, 11, 0), "version", 0));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
		assertThat(fixtures.api.post(token, path + "/reschedule", Map.of("start", at(tuesday, 11, 0), "version", 5, "reason", "Asked to"))
			.status()).isEqualTo(409);

		ApiClient.Response moved = fixtures.api.post(token, path + "/reschedule",
				Map.of("start", at(tuesday, 11, 0), "version", 0, "reason", "Patient asked for Tuesday"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(Instant.parse(moved.json().get("start").asString())).isEqualTo(Instant.parse(at(tuesday, 11, 0)));
		assertThat(moved.json().get("version").asLong()).isEqualTo(1);
		assertThat(moved.json().get("roomId").asString()).isEqualTo(room);
		// A second writer who loaded version 0 loses.
		assertThat(fixtures.api.post(token, path + "/reschedule",
				Map.of("start", at(tuesday, 15, 0), "version", 0, "reason", "Stale screen")).status()).isEqualTo(409);

		// The only physician is busy at 14:00 with someone else: moving there is a conflict.
		assertThat(fixtures.book(token, fixtures.patient(), "FOLLOW_UP", at(tuesday, 14, 0), Map.of()).status()).isEqualTo(201);
		assertThat(fixtures.api.post(token, path + "/reschedule",
				Map.of("start", at(tuesday, 14, 10), "version", 1, "reason", "Afternoon suits better")).status()).isEqualTo(409);

		JsonNode history = fixtures.api.get(token, path + "/history").json();
		assertThat(history.findValuesAsString("action")).containsExactly("BOOKED", "RESCHEDULED");
		assertThat(history.get(1).get("reason").asString()).isEqualTo("Patient asked for Tuesday");
		assertThat(history.get(1).get("changedBy").asString()).isEqualTo("frontdesk");

		assertThat(fixtures.api.post(token, path + "/cancel", Map.of("version", 1)).status()).isEqualTo(400);
		ApiClient.Response cancelled = fixtures.api.post(token, path + "/cancel", Map.of("reason", "Feeling better", "version", 1));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("statusReason").asString()).isEqualTo("Feeling better");
		assertThat(fixtures.api.post(token, path + "/cancel", Map.of("reason", "Twice")).status()).isEqualTo(409);
		// The room and physician are free again at 11:00.
		ApiClient.Response rebooked = fixtures.book(token, fixtures.patient(), "FOLLOW_UP", at(tuesday, 11, 0), Map.of("roomId", room));
		assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);
		// A no-show is for appointments that have begun.
		assertThat(fixtures.api.post(token, "/api/v1/appointments/" + rebooked.json().get("id").asString() + "/no-show", Map.of())
			.status()).isEqualTo(409);
	}

	@Test
	void aNoShowIsRecordedAfterTheStartTime() {
		String token = fixtures.token("nurse");
		String patient = fixtures.patient();
		String room = fixtures.resource("rooms", null, true);
		UUID clinic = jdbc.queryForObject("SELECT clinic_id FROM scheduling_resource WHERE id = ?", UUID.class, UUID.fromString(room));
		// Bookings in the past are refused through the API, so yesterday's appointment is put straight into the table.
		UUID id = UUID.randomUUID();
		Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		jdbc.update("INSERT INTO scheduling_appointment (id, clinic_id, patient_id, type, start_at, end_at, resource_id, status, version, "
				+ "created_at, created_by) VALUES (?, ?, ?, 'FOLLOW_UP', ?, ?, ?, 'BOOKED', 0, now(), 'test')", id, clinic,
				UUID.fromString(patient), Timestamp.from(start), Timestamp.from(start.plus(20, ChronoUnit.MINUTES)), UUID.fromString(room));
		ApiClient.Response noShow = fixtures.api.post(token, "/api/v1/appointments/" + id + "/no-show", Map.of("reason", "No answer by phone"));
		assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
		assertThat(noShow.json().get("status").asString()).isEqualTo("NO_SHOW");
		assertThat(fixtures.api.get(token, "/api/v1/appointments/" + id + "/history").json().findValuesAsString("action"))
			.containsExactly("NO_SHOW");
		// Booking in the past is refused.
		ApiClient.Response past = fixtures.book(token, patient, "FOLLOW_UP", start.toString(), Map.of());
		assertThat(past.status()).isEqualTo(400);
	}

	@Test
	void weeklySeriesKeepTheWallClockTimeAcrossBothDaylightSavingChanges() {
		String token = fixtures.token("frontdesk");
		// 2027: clocks go forward on 14 March and back on 7 November.
		JsonNode spring = series(token, fixtures.patient(), at(LocalDate.of(2027, 3, 4), 10, 0), "WEEK", 3);
		assertThat(spring.findValuesAsString("start")).containsExactly("2027-03-04T15:00:00Z", "2027-03-11T15:00:00Z",
				"2027-03-18T14:00:00Z");
		JsonNode autumn = series(token, fixtures.patient(), at(LocalDate.of(2027, 10, 28), 10, 0), "WEEK", 3);
		assertThat(autumn.findValuesAsString("start")).containsExactly("2027-10-28T14:00:00Z", "2027-11-04T14:00:00Z",
				"2027-11-11T15:00:00Z");
		for (JsonNode appointment : autumn) {
			assertThat(localTime(appointment.get("start"))).isEqualTo(LocalTime.of(10, 0));
		}
		assertThat(autumn.findValuesAsString("seriesId")).hasSize(3).containsOnly(autumn.get(0).get("seriesId").asString());
	}

	@Test
	void monthlySeriesFromTheThirtyFirstUsesTheLastDayOfShorterMonths() {
		JsonNode monthly = series(fixtures.token("frontdesk"), fixtures.patient(), at(LocalDate.of(2027, 3, 31), 11, 0), "MONTH", 3);
		assertThat(monthly.findValuesAsString("start").stream().map(start -> localDate(new tools.jackson.databind.node.StringNode(start))))
			.containsExactly(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31));
	}

	@Test
	void aSeriesWithOneImpossibleOccurrenceBooksNothing() {
		String token = fixtures.token("frontdesk");
		String patient = fixtures.patient();
		assertThat(fixtures.api.post(fixtures.token("admin"), "/api/v1/scheduling/closures",
				Map.of("date", "2027-07-12", "reason", "Inspection")).status()).isEqualTo(201);
		Map<String, Object> extra = Map.of("repeat", Map.of("every", "WEEK", "count", 3));
		ApiClient.Response refused = fixtures.book(token, patient, "INTEGRATION_THERAPY", at(LocalDate.of(2027, 7, 5), 10, 0), extra);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("occurrence 2 on 2027-07-12");
		assertThat(fixtures.api.get(token, "/api/v1/patients/" + patient + "/appointments").json().size()).isZero();
		// Dosing follows the course plan, not a series.
		ApiClient.Response dosing = fixtures.book(token, patient, "IV_INFUSION", at(LocalDate.of(2027, 7, 6), 10, 0), extra);
		assertThat(dosing.status()).isEqualTo(400);
		assertThat(dosing.json().get("errors").findValuesAsString("field")).contains("repeat");
	}

	@Test
	void whoMayBook() {
		LocalDate tuesday = LocalDate.of(2027, 4, 13);
		String patient = fixtures.patient();
		assertThat(fixtures.book(fixtures.token("therapist"), patient, "IV_INFUSION", at(tuesday, 9, 0), Map.of()).status()).isEqualTo(403);
		ApiClient.Response therapy = fixtures.book(fixtures.token("therapist"), patient, "INTEGRATION_THERAPY", at(tuesday, 11, 0), Map.of());
		assertThat(therapy.status()).as(therapy.body()).isEqualTo(201);
		assertThat(fixtures.book(fixtures.token("physician"), patient, "FOLLOW_UP", at(tuesday, 13, 0), Map.of()).status()).isEqualTo(201);
		assertThat(fixtures.book(fixtures.token("nurse"), patient, "IM_INJECTION", at(tuesday, 14, 0), Map.of()).status()).isEqualTo(201);
		// Administrators run the calendar but do not see charts, so they do not pick patients.
		assertThat(fixtures.book(fixtures.token("admin"), patient, "FOLLOW_UP", at(tuesday, 15, 0), Map.of()).status()).isEqualTo(403);
		assertThat(fixtures.book(fixtures.token("patient1"), patient, "FOLLOW_UP", at(tuesday, 15, 0), Map.of()).status()).isEqualTo(403);
		assertThat(fixtures.api.get(fixtures.token("patient1"), "/api/v1/appointments?from=2027-04-13&to=2027-04-14").status())
			.isEqualTo(403);

		Map<String, Object> chair = new HashMap<>(Map.of("name", "Spare chair " + UUID.randomUUID(), "capabilities",
				List.of("RECLINER"), "active", false));
		assertThat(fixtures.api.post(fixtures.token("nurse"), "/api/v1/scheduling/chairs", chair).status()).isEqualTo(403);
		ApiClient.Response added = fixtures.api.post(fixtures.token("admin"), "/api/v1/scheduling/chairs", chair);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("kind").asString()).isEqualTo("CHAIR");
		String resource = "/api/v1/scheduling/resources/" + added.json().get("id").asString();
		ApiClient.Response equipped = fixtures.api.put(fixtures.token("admin"), resource,
				Map.of("capabilities", List.of("RECLINER", "PULSE_OXIMETER"), "version", 0));
		assertThat(equipped.status()).as(equipped.body()).isEqualTo(200);
		assertThat(equipped.json().get("capabilities").toString()).contains("PULSE_OXIMETER");
		assertThat(equipped.json().get("active").asBoolean()).isFalse();
		assertThat(fixtures.api.put(fixtures.token("admin"), resource, Map.of("name", "Stale edit", "version", 0)).status())
			.isEqualTo(409);
		ApiClient.Response badCapability = fixtures.api.post(fixtures.token("admin"), "/api/v1/scheduling/rooms",
				Map.of("name", "Room " + UUID.randomUUID(), "capabilities", List.of("JACUZZI")));
		assertThat(badCapability.status()).isEqualTo(400);
		assertThat(badCapability.json().get("errors").findValuesAsString("field")).containsExactly("capabilities");
	}

	private JsonNode series(String token, String patient, String start, String every, int count) {
		ApiClient.Response booked = fixtures.book(token, patient, "FOLLOW_UP", start, Map.of("repeat", Map.of("every", every, "count", count)));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json().get("appointments");
	}
}
