package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketamineclinic.scheduling.internal.PatientSideFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ride home (who may record it, the 24-hour cut-off for patients, the front desk's list of
 * unconfirmed rides) and a patient's own booking (the clinic's allowed types, cancelling with the
 * 24-hour rule for dosing). Rules that depend on "now" are called with an explicit time.
 */
@ClinicIntegrationTest
class RidesAndSelfBookingTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Rides rides;

	@Autowired
	PatientSchedule schedule;

	PatientSideFixtures fixtures;
	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		fixtures = new PatientSideFixtures(api, jdbc, accounts);
	}

	@Test
	void aPatientConfirmsTheirRideUpTo24HoursBeforeAndStaffAfterThat() {
		UUID patient = fixtures.patient(null);
		String username = fixtures.account(patient);
		Instant start = Instant.parse(at(LocalDate.of(2028, 4, 3), 9, 0));
		UUID appointment = fixtures.book(patient, "ESKETAMINE_SESSION", start.toString());
		Rides.RideRequest ride = new Rides.RideRequest("Alex Driver", "+1 555 010 2030");

		assertThatThrownBy(() -> fixtures.as(username, () -> rides.confirm(appointment, ride, start.minus(Duration.ofHours(23)))))
			.isInstanceOf(RuleViolation.class).hasMessageContaining("call the clinic");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduling_ride WHERE appointment_id = ?", Integer.class, appointment)).isZero();

		Rides.RideView confirmed = fixtures.as(username, () -> rides.confirm(appointment, ride, start.minus(Duration.ofHours(25))));
		assertThat(confirmed.confirmedBy()).isEqualTo(username);
		// The front desk, after a phone call, may record it inside the cut-off.
		Rides.RideView byPhone = fixtures.as("frontdesk", () -> rides.confirm(appointment, new Rides.RideRequest("Sam Driver", "555-010-9999"),
				start.minus(Duration.ofHours(2))));
		assertThat(byPhone.driverName()).isEqualTo("Sam Driver");
		assertThat(jdbc.queryForObject("SELECT confirmed_by FROM scheduling_ride WHERE appointment_id = ?", String.class, appointment))
			.isEqualTo("frontdesk");
	}

	@Test
	void theRideApiChecksRolesOwnershipAndInput() {
		UUID patient = fixtures.patient(null);
		String own = fixtures.account(patient);
		String other = fixtures.account(fixtures.patient(null));
		UUID appointment = fixtures.book(patient, "IM_INJECTION", at(LocalDate.of(2028, 4, 4), 9, 0));
		UUID followUp = fixtures.book(patient, "FOLLOW_UP", at(LocalDate.of(2028, 4, 4), 14, 0));
		Map<String, String> ride = Map.of("driverName", "Alex Driver", "driverPhone", "+1 555 010 2030");
		String path = "/api/v1/appointments/" + appointment + "/ride";

		assertThat(api.post(api.token("therapist"), path, ride).status()).isEqualTo(403);
		assertThat(api.post(api.token(other, PatientSideFixtures.PASSWORD), path, ride).status()).isEqualTo(404);
		assertThat(api.post(api.token("nurse"), path, Map.of("driverName", "Alex", "driverPhone", "call me")).status()).isEqualTo(400);
		assertThat(api.post(api.token("nurse"), "/api/v1/appointments/" + followUp + "/ride", ride).status()).isEqualTo(422);
		for (String user : List.of("frontdesk", "nurse", "physician", "admin")) {
			assertThat(api.post(api.token(user), path, ride).status()).as(user).isEqualTo(200);
		}
		ApiClient.Response byPatient = api.post(api.token(own, PatientSideFixtures.PASSWORD), path, ride);
		assertThat(byPatient.status()).as(byPatient.body()).isEqualTo(200);
		assertThat(byPatient.json().get("confirmedBy").asString()).isEqualTo(own);
	}

	@Test
	void theFrontDesksListShowsOnlyUnconfirmedDosingInTheNext72HoursAndMarksTheLastDay() {
		Instant now = Instant.parse(at(LocalDate.of(2028, 4, 10), 8, 0));
		UUID soon = fixtures.book(fixtures.patient(null), "IV_INFUSION", at(LocalDate.of(2028, 4, 10), 14, 0));
		UUID later = fixtures.book(fixtures.patient(null), "IV_INFUSION", at(LocalDate.of(2028, 4, 12), 9, 0));
		UUID confirmed = fixtures.book(fixtures.patient(null), "IV_INFUSION", at(LocalDate.of(2028, 4, 11), 9, 0));
		UUID beyond = fixtures.book(fixtures.patient(null), "IV_INFUSION", at(LocalDate.of(2028, 4, 13), 9, 0));
		UUID talking = fixtures.book(fixtures.patient(null), "FOLLOW_UP", at(LocalDate.of(2028, 4, 11), 14, 0));
		UUID cancelled = fixtures.book(fixtures.patient(null), "IV_INFUSION", at(LocalDate.of(2028, 4, 11), 13, 0));
		assertThat(fixtures.cancel(cancelled, "Feeling unwell").status()).isEqualTo(200);
		fixtures.as("frontdesk", () -> rides.confirm(confirmed, new Rides.RideRequest("Alex Driver", "+1 555 010 2030"), now));

		List<Rides.Unconfirmed> list = fixtures.as("frontdesk", () -> rides.unconfirmed(now));
		List<UUID> ids = list.stream().map(Rides.Unconfirmed::appointmentId).toList();
		assertThat(ids).contains(soon, later).doesNotContain(confirmed, beyond, talking, cancelled);
		assertThat(list.stream().filter(u -> u.appointmentId().equals(soon)).findFirst().orElseThrow().callNow()).isTrue();
		assertThat(list.stream().filter(u -> u.appointmentId().equals(later)).findFirst().orElseThrow().callNow()).isFalse();

		assertThat(api.get(api.token("frontdesk"), "/api/v1/rides/unconfirmed").status()).isEqualTo(200);
		assertThat(api.get(api.token("therapist"), "/api/v1/rides/unconfirmed").status()).isEqualTo(403);
		assertThat(api.get(api.token("patient1"), "/api/v1/rides/unconfirmed").status()).isEqualTo(403);
	}

	@Test
	void aPatientBooksOnlyTheTypesTheClinicAllowsAndOnlyAdminsChangeThem() {
		UUID patient = fixtures.patient(null);
		String token = api.token(fixtures.account(patient), PatientSideFixtures.PASSWORD);
		LocalDate day = LocalDate.of(2028, 6, 5);

		ApiClient.Response slots = api.get(token, "/api/v1/me/availability?type=FOLLOW_UP&date=" + day);
		assertThat(slots.status()).as(slots.body()).isEqualTo(200);
		assertThat(slots.json().size()).isPositive();
		assertThat(api.get(token, "/api/v1/me/availability?type=IV_INFUSION&date=" + day).status()).isEqualTo(403);
		assertThat(api.post(token, "/api/v1/me/appointments", Map.of("type", "IV_INFUSION", "start", at(day, 9, 0))).status()).isEqualTo(403);
		ApiClient.Response booked = api.post(token, "/api/v1/me/appointments", Map.of("type", "FOLLOW_UP", "start", at(day, 9, 0)));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("patientId").asString()).isEqualTo(patient.toString());
		assertThat(booked.json().get("createdBy").asString()).endsWith("(portal)");
		assertThat(api.post(api.token("frontdesk"), "/api/v1/me/appointments", Map.of("type", "FOLLOW_UP", "start", at(day, 10, 0))).status())
			.isEqualTo(403);

		assertThat(api.put(api.token("frontdesk"), "/api/v1/scheduling/self-booking", Map.of("types", List.of("FOLLOW_UP"), "reason", "x")).status())
			.isEqualTo(403);
		assertThat(api.put(api.token("admin"), "/api/v1/scheduling/self-booking",
				Map.of("types", List.of("IV_INFUSION"), "reason", "Try dosing")).status()).isEqualTo(400);
		try {
			ApiClient.Response changed = api.put(api.token("admin"), "/api/v1/scheduling/self-booking",
					Map.of("types", List.of("FOLLOW_UP"), "reason", "Therapist on leave"));
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			assertThat(changed.json().get("changedBy").asString()).isEqualTo("admin");
			assertThat(changed.json().get("reason").asString()).isEqualTo("Therapist on leave");
			assertThat(api.post(token, "/api/v1/me/appointments", Map.of("type", "INTEGRATION_THERAPY", "start", at(day, 13, 0))).status())
				.isEqualTo(403);
		}
		finally {
			assertThat(api.put(api.token("admin"), "/api/v1/scheduling/self-booking",
					Map.of("types", List.of("FOLLOW_UP", "INTEGRATION_THERAPY"), "reason", "Back to the default")).status()).isEqualTo(200);
		}
		JsonNode current = api.get(api.token("frontdesk"), "/api/v1/scheduling/self-booking").json();
		assertThat(current.get("types").toString()).contains("FOLLOW_UP", "INTEGRATION_THERAPY");
	}

	@Test
	void aPatientCancelsTheirOwnButADosingSessionInsideADayIsCancelledByPhone() {
		UUID patient = fixtures.patient(null);
		String username = fixtures.account(patient);
		String token = api.token(username, PatientSideFixtures.PASSWORD);
		LocalDate day = LocalDate.of(2028, 6, 6);
		UUID followUp = fixtures.book(patient, "FOLLOW_UP", at(day, 9, 0));
		UUID someoneElses = fixtures.book(fixtures.patient(null), "FOLLOW_UP", at(day, 10, 0));
		Instant dosingStart = Instant.parse(at(day, 13, 0));
		UUID dosing = fixtures.book(patient, "IM_INJECTION", dosingStart.toString());

		assertThat(api.post(token, "/api/v1/me/appointments/" + someoneElses + "/cancel", Map.of("reason", "not mine")).status()).isEqualTo(404);
		assertThat(api.post(token, "/api/v1/me/appointments/" + followUp + "/cancel", Map.of()).status()).isEqualTo(400);
		ApiClient.Response cancelled = api.post(token, "/api/v1/me/appointments/" + followUp + "/cancel", Map.of("reason", "Work trip"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

		assertThatThrownBy(() -> fixtures.as(username, () -> schedule.cancel(dosing, "Work trip", dosingStart.minus(Duration.ofHours(23)))))
			.isInstanceOf(Conflict.class).hasMessageContaining("call the clinic");
		assertThat(fixtures.as(username, () -> schedule.cancel(dosing, "Work trip", dosingStart.minus(Duration.ofHours(25)))).status().name())
			.isEqualTo("CANCELLED");
	}
}
