package org.ketamineclinic.therapy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Therapy over real HTTP: planning and linking, the structured note signed and locked, the integration due, roles and clinics. */
@ClinicIntegrationTest
class TherapyApiTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	TherapyFixtures fixtures;
	ApiClient api;

	@BeforeEach
	void fixtures() {
		fixtures = new TherapyFixtures(port, accounts, jdbc);
		api = fixtures.api;
	}

	@Test
	void aDischargeMakesAnIntegrationSessionDueThatALinkedIntegrationSessionMeetsWhenItsNoteIsSigned() {
		String therapist = fixtures.token("therapist");
		String patient = fixtures.readyPatient("Integrate");
		String dosing = fixtures.dischargedSession(patient, 30);

		JsonNode due = fixtures.awaitDue(dosing);
		assertThat(due.get("patientId").asString()).isEqualTo(patient);
		assertThat(due.get("overdue").asBoolean()).isFalse();
		Instant discharged = Instant.parse(due.get("dischargedAt").asString());
		assertThat(Instant.parse(due.get("dueBy").asString())).isEqualTo(discharged.plus(Duration.ofHours(72)));

		assertThat(fixtures.plan(therapist, patient, Map.of("type", "INTEGRATION", "dosingSessionId", UUID.randomUUID().toString())).status())
			.as("not this patient's dosing session").isEqualTo(400);
		assertThat(fixtures.plan(therapist, patient, Map.of("type", "PREPARATION", "dosingSessionId", dosing)).status())
			.as("preparation comes before a dosing session, not after a discharge").isEqualTo(400);
		ApiClient.Response badType = fixtures.plan(therapist, patient, Map.of("type", "GROUP"));
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.body()).contains("PREPARATION or INTEGRATION");
		ApiClient.Response tooEarly = fixtures.plan(therapist, patient, Map.of("type", "INTEGRATION", "dosingSessionId", dosing,
				"start", discharged.minus(Duration.ofHours(1)).toString()));
		assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(400);

		ApiClient.Response planned = fixtures.plan(therapist, patient, Map.of("type", "INTEGRATION", "dosingSessionId", dosing));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		JsonNode session = planned.json();
		assertThat(session.get("status").asString()).isEqualTo("PLANNED");
		assertThat(session.get("heldBy").asString()).isEqualTo("therapist");
		assertThat(session.get("dosingSessionId").asString()).isEqualTo(dosing);
		assertThat(session.get("note").get("signed").asBoolean()).isFalse();
		String path = "/api/v1/therapy-sessions/" + session.get("id").asString();
		assertThat(api.get(therapist, "/api/v1/patients/" + patient + "/therapy-sessions").json().findValuesAsString("id"))
			.containsExactly(session.get("id").asString());

		// The draft: only its holder writes and signs it, each field within its limit.
		Map<String, Object> note = new HashMap<>(Map.of("themes", "Grief for her father; the dissociation felt safe",
				"insights", "Sees the loss as something she can carry", "goals", "Call her sister this week",
				"practice", "Ten minutes of journaling each evening", "freeText", "Calm, engaged."));
		assertThat(api.put(fixtures.token("physician"), path + "/note", note).status()).as("not the holder").isEqualTo(403);
		Map<String, Object> tooLong = new HashMap<>(note);
		tooLong.put("themes", "x".repeat(4_001));
		assertThat(api.put(therapist, path + "/note", tooLong).status()).isEqualTo(400);
		ApiClient.Response saved = api.put(therapist, path + "/note", note);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("note").get("goals").asString()).isEqualTo("Call her sister this week");
		Map<String, Object> stale = new HashMap<>(note);
		stale.put("version", 0);
		assertThat(api.put(therapist, path + "/note", stale).status()).as("a stale version").isEqualTo(409);
		assertThat(fixtures.due(dosing)).as("a draft does not meet it").isPresent();

		ApiClient.Response signed = api.post(therapist, path + "/signature", Map.of());
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		JsonNode signedNote = signed.json().get("note");
		assertThat(signed.json().get("status").asString()).isEqualTo("HELD");
		assertThat(signedNote.get("signed").asBoolean()).isTrue();
		assertThat(signedNote.get("signedBy").asString()).isEqualTo("therapist");
		assertThat(signedNote.get("contentSha256").asString()).isEqualTo(sha256("Themes:\n" + note.get("themes") + "\nInsights:\n"
				+ note.get("insights") + "\nGoals:\n" + note.get("goals") + "\nBetween-session practice:\n" + note.get("practice")
				+ "\nNotes:\n" + note.get("freeText")));
		assertThat(fixtures.due(dosing)).as("met by the signed integration session").isEmpty();

		// Locked: no edit, no second signature; addenda only.
		assertThat(api.put(therapist, path + "/note", note).status()).isEqualTo(409);
		assertThat(api.post(therapist, path + "/signature", Map.of()).status()).isEqualTo(409);
		assertThat(api.post(therapist, path + "/cancel", Map.of("reason", "too late")).status()).isEqualTo(409);
		assertThat(api.post(therapist, path + "/addenda", Map.of("text", " ")).status()).isEqualTo(400);
		ApiClient.Response addendum = api.post(fixtures.token("physician"), path + "/addenda", Map.of("text", "Reviewed; agree with the plan."));
		assertThat(addendum.status()).as(addendum.body()).isEqualTo(201);
		assertThat(addendum.json().get("note").get("addenda").findValuesAsString("addedBy")).containsExactly("physician");
		assertThat(addendum.json().get("note").get("themes").asString()).isEqualTo(note.get("themes"));

		// Reads and changes are in the audit trail.
		assertThat(jdbc.queryForList("SELECT DISTINCT action FROM audit_entry WHERE resource_type = 'TherapyNote' AND resource_id = ?",
				String.class, session.get("id").asString())).contains("READ", "CREATE", "UPDATE");
	}

	@Test
	void preparationLinksToAPlannedDosingSessionAndIntegrationMayFollowAnAbortedOne() {
		String therapist = fixtures.token("therapist");
		String nurse = fixtures.token("nurse");
		String patient = fixtures.readyPatient("Prepare");
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ApiClient.Response created = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"scheduledStart", tomorrow.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String planned = created.json().get("id").asString();
		// The session module's event reaches therapy after the commit; until then the link is refused as unknown.
		JsonNode preparation = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> fixtures.plan(therapist, patient, Map.of("type", "PREPARATION", "dosingSessionId", planned)),
					response -> response.status() == 201)
			.json();
		assertThat(preparation.get("dosingSessionId").asString()).isEqualTo(planned);
		assertThat(fixtures.plan(therapist, patient, Map.of("type", "INTEGRATION", "dosingSessionId", planned)).status())
			.as("integration only after the dosing session ended").isEqualTo(400);

		String session = "/api/v1/sessions/" + planned;
		Map<String, Object> checkIn = new HashMap<>(Map.of("checkedInAt", Instant.now().minus(Duration.ofMinutes(40)).toString(),
				"lastFoodAt", Instant.now().minus(Duration.ofHours(4)).toString(), "lastLiquidAt",
				Instant.now().minus(Duration.ofHours(2)).toString(), "escortName", "Sam Ride", "escortPhone", "555-0100"));
		checkIn.put("vitals", Map.of("sbp", 120, "dbp", 80, "hr", 72, "spo2", 98));
		assertThat(api.post(nurse, session + "/check-in", checkIn).status()).isEqualTo(200);
		ApiClient.Response given = api.post(nurse, session + "/administrations", Map.of("lot", fixtures.lot(), "doseMg", 28,
				"startedAt", Instant.now().minus(Duration.ofMinutes(30)).toString(), "deviceNumber", 1));
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		assertThat(api.post(nurse, session + "/abort", Map.of("reason", "Severe nausea; stopped after the first device")).status())
			.isEqualTo(200);
		JsonNode integration = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> fixtures.plan(therapist, patient, Map.of("type", "INTEGRATION", "dosingSessionId", planned)),
					response -> response.status() == 201)
			.json();
		assertThat(integration.get("type").asString()).isEqualTo("INTEGRATION");
	}

	@Test
	void theSignedNoteAndItsAddendaAreLockedByTheDatabase() {
		String therapist = fixtures.token("therapist");
		String patient = fixtures.readyPatient("Trigger");
		String path = "/api/v1/therapy-sessions/" + fixtures.plan(therapist, patient, Map.of("type", "PREPARATION")).json().get("id").asString();
		assertThat(api.post(therapist, path + "/signature", Map.of()).status()).as("nothing written yet").isEqualTo(400);
		assertThat(api.put(therapist, path + "/note", Map.of("themes", "Fear of losing control")).status()).isEqualTo(200);
		assertThat(api.post(therapist, path + "/signature", Map.of()).status()).isEqualTo(200);
		assertThat(api.post(therapist, path + "/addenda", Map.of("text", "Patient asked for the music list.")).status()).isEqualTo(201);
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));

		assertThatThrownBy(() -> jdbc.update("UPDATE therapy_note SET themes = 'changed' WHERE session_id = ?", id))
			.hasMessageContaining("never changed or deleted");
		assertThatThrownBy(() -> jdbc.update("DELETE FROM therapy_note_addendum WHERE session_id = ?", id))
			.hasMessageContaining("never changed or deleted");
		assertThatThrownBy(() -> jdbc.update("UPDATE therapy_note_addendum SET text = 'changed' WHERE session_id = ?", id))
			.hasMessageContaining("never changed or deleted");
		assertThat(jdbc.queryForObject("SELECT themes FROM therapy_note WHERE session_id = ?", String.class, id))
			.isEqualTo("Fear of losing control");
	}

	@Test
	void anIntegrationSessionNotHeldWithinTheWindowIsOverdueAndAnyIntegrationHeldInTheWindowMeetsIt() {
		String therapist = fixtures.token("therapist");
		String late = fixtures.readyPatient("Overdue");
		String old = fixtures.dischargedSession(late, 4 * 24 * 60);
		JsonNode overdue = fixtures.awaitDue(old);
		assertThat(overdue.get("overdue").asBoolean()).isTrue();
		assertThat(Instant.parse(overdue.get("dueBy").asString())).isBefore(Instant.now());
		assertThat(api.get(therapist, "/api/v1/therapy/integration-due").status()).isEqualTo(200);

		String onTime = fixtures.readyPatient("Window");
		String recent = fixtures.dischargedSession(onTime, 20);
		assertThat(fixtures.awaitDue(recent).get("overdue").asBoolean()).isFalse();
		String path = "/api/v1/therapy-sessions/" + fixtures.plan(therapist, onTime, Map.of("type", "INTEGRATION")).json().get("id").asString();
		assertThat(api.put(therapist, path + "/note", Map.of("insights", "Felt connected")).status()).isEqualTo(200);
		assertThat(api.post(therapist, path + "/signature", Map.of()).status()).isEqualTo(200);
		assertThat(fixtures.due(recent)).as("an unlinked integration session held in the window").isEmpty();
		assertThat(fixtures.due(old)).as("another patient's item stays").isPresent();
	}

	@Test
	void aTimedPlanBooksAnIntegrationTherapyAppointmentAndCancellingCancelsIt() {
		String therapist = fixtures.token("therapist");
		String patient = fixtures.readyPatient("Booked");
		LocalDate day = LocalDate.of(2029, 1, 1).plusWeeks(new java.util.Random().nextInt(150));
		while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
			day = day.plusDays(1);
		}
		JsonNode slots = api.get(therapist, "/api/v1/availability?date=" + day + "&type=INTEGRATION_THERAPY").json().get("slots");
		assertThat(slots.size()).as("free therapy times on " + day).isPositive();
		String start = slots.get(0).get("start").asString();
		ApiClient.Response planned = fixtures.plan(therapist, patient, Map.of("type", "PREPARATION", "start", start));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		String appointment = planned.json().get("appointmentId").asString();
		JsonNode booked = api.get(therapist, "/api/v1/appointments/" + appointment).json();
		assertThat(booked.get("type").asString()).isEqualTo("INTEGRATION_THERAPY");
		assertThat(booked.get("patientId").asString()).isEqualTo(patient);
		assertThat(Instant.parse(booked.get("start").asString())).isEqualTo(Instant.parse(start));

		String path = "/api/v1/therapy-sessions/" + planned.json().get("id").asString();
		assertThat(api.post(therapist, path + "/cancel", Map.of()).status()).as("a reason is required").isEqualTo(400);
		ApiClient.Response cancelled = api.post(therapist, path + "/cancel", Map.of("reason", "Patient moved the dose"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("statusReason").asString()).isEqualTo("Patient moved the dose");
		assertThat(api.get(therapist, "/api/v1/appointments/" + appointment).json().get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void nursesAndTheFrontDeskDoNotReadTherapyNotesPatientsNeverDoAndAnotherClinicSeesNothing() {
		String therapist = fixtures.token("therapist");
		String patient = fixtures.readyPatient("Private");
		String path = "/api/v1/therapy-sessions/" + fixtures.plan(therapist, patient, Map.of("type", "PREPARATION")).json().get("id").asString();
		assertThat(api.put(therapist, path + "/note", Map.of("themes", "Shame about the diagnosis")).status()).isEqualTo(200);
		assertThat(api.get(fixtures.token("physician"), path).status()).isEqualTo(200);
		for (String staff : new String[] { "nurse", "frontdesk", "admin" }) {
			String token = fixtures.token(staff);
			assertThat(api.get(token, path).status()).as(staff).isEqualTo(403);
			assertThat(api.put(token, path + "/note", Map.of("themes", "x")).status()).as(staff).isEqualTo(403);
			assertThat(api.get(token, "/api/v1/patients/" + patient + "/therapy-sessions").status()).as(staff).isEqualTo(403);
			assertThat(api.get(token, "/api/v1/therapy/integration-due").status()).as(staff).isEqualTo(403);
		}
		TherapyFixtures.PatientAccount account = fixtures.patientWithAccount();
		String patientToken = api.token(account.username(), TherapyFixtures.PASSWORD);
		assertThat(api.get(patientToken, path).status()).isEqualTo(403);
		assertThat(api.get(patientToken, "/api/v1/patients/" + account.patientId() + "/therapy-sessions").status()).isEqualTo(403);
		assertThat(api.get(patientToken, "/api/v1/patients/" + account.patientId() + "/journal").status()).isEqualTo(403);

		String other = fixtures.otherClinicPhysician();
		assertThat(api.get(other, path).status()).isEqualTo(404);
		assertThat(api.put(other, path + "/note", Map.of("themes", "x")).status()).isEqualTo(404);
		assertThat(api.post(other, path + "/addenda", Map.of("text", "x")).status()).isEqualTo(404);
		assertThat(api.post(other, path + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
		assertThat(api.get(other, "/api/v1/patients/" + patient + "/therapy-sessions").status()).isEqualTo(404);
		assertThat(fixtures.plan(other, patient, Map.of("type", "INTEGRATION")).status()).isEqualTo(404);
		assertThat(api.get(other, "/api/v1/patients/" + patient + "/journal").status()).isEqualTo(404);
		assertThat(api.get(other, "/api/v1/therapy/integration-due").json().findValuesAsString("patientId")).doesNotContain(patient);
	}

	@Test
	void theIntegrationWindowIsAClinicSettingWithWhoWhenAndWhy() {
		String physician = fixtures.token("physician");
		JsonNode setting = api.get(fixtures.token("therapist"), "/api/v1/therapy/settings").json();
		assertThat(setting.get("name").asString()).isEqualTo("integrationDueWithinHours");
		assertThat(setting.get("defaultValue").asInt()).isEqualTo(72);
		int before = setting.get("value").asInt();
		assertThat(api.put(fixtures.token("therapist"), "/api/v1/therapy/settings/integration-due-within-hours",
				Map.of("value", 48, "reason", "x")).status()).isEqualTo(403);
		assertThat(api.put(physician, "/api/v1/therapy/settings/integration-due-within-hours", Map.of("value", 10, "reason", "Too short"))
			.status()).isEqualTo(400);
		assertThat(api.put(physician, "/api/v1/therapy/settings/integration-due-within-hours", Map.of("value", 48)).status())
			.as("a reason is required").isEqualTo(400);
		ApiClient.Response changed = api.put(physician, "/api/v1/therapy/settings/integration-due-within-hours",
				Map.of("value", 96, "reason", "Weekend discharges: Monday integration"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("value").asInt()).isEqualTo(96);
		JsonNode latest = changed.json().get("history").get(0);
		assertThat(latest.get("changedBy").asString()).isEqualTo("physician");
		assertThat(latest.get("reason").asString()).isEqualTo("Weekend discharges: Monday integration");
		assertThat(latest.get("changedAt").asString()).isNotBlank();

		// Settings → Therapy shows the same value and history; only administrators and physicians change it there.
		org.ketamineclinic.security.WebSession page = new org.ketamineclinic.security.WebSession(port).signIn("physician",
				ApiClient.DEMO_PASSWORD);
		assertThat(page.get("/settings/therapy").body()).contains("96 hours", "Weekend discharges: Monday integration");
		String csrf = page.csrfTokenOf("/settings/therapy");
		assertThat(page.postForm("/settings/therapy", Map.of("value", "400", "reason", "Too long", "_csrf", csrf)).statusCode())
			.isEqualTo(400);
		assertThat(page.postForm("/settings/therapy", Map.of("value", String.valueOf(before), "reason", "Back to the clinic's usual window",
				"_csrf", csrf)).statusCode()).isEqualTo(302);
		JsonNode restored = api.get(physician, "/api/v1/therapy/settings").json();
		assertThat(restored.get("value").asInt()).isEqualTo(before);
		assertThat(restored.get("history").get(0).get("reason").asString()).isEqualTo("Back to the clinic's usual window");
		org.ketamineclinic.security.WebSession therapistPage = new org.ketamineclinic.security.WebSession(port).signIn("therapist",
				ApiClient.DEMO_PASSWORD);
		assertThat(therapistPage.get("/settings/therapy").statusCode()).isEqualTo(200);
		assertThat(therapistPage.postForm("/settings/therapy", Map.of("value", "48", "reason", "x", "_csrf",
				therapistPage.csrfTokenOf("/settings/therapy"))).statusCode()).isEqualTo(403);
		assertThat(new org.ketamineclinic.security.WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get("/settings/therapy")
			.statusCode()).isEqualTo(403);
	}

	static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
