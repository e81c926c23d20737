package org.ketamineclinic.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.Courses;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the therapy tests make for themselves: a patient ready for esketamine, a dosing session
 * discharged at a chosen time through the session API, patient accounts and a second clinic.
 */
final class TherapyFixtures {

	static final String PASSWORD = "correct-horse-battery-staple";
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
	private static final String LOT = "THER-ESK-" + System.nanoTime();
	private static boolean stocked;

	final ApiClient api;
	private final Accounts accounts;
	private final JdbcTemplate jdbc;

	TherapyFixtures(int port, Accounts accounts, JdbcTemplate jdbc) {
		this.api = new ApiClient(port);
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	String token(String username) {
		return TOKENS.computeIfAbsent(username, api::token);
	}

	/** A patient with an approved esketamine evaluation, every consent signed and countersigned, and REMS enrollment. */
	String readyPatient(String prefix) {
		String patient = Courses.approvedPatient(api, prefix, "IN_ESKETAMINE", "TRD");
		for (JsonNode document : api.get(token("nurse"), "/api/v1/consent-documents?route=IN_ESKETAMINE").json()) {
			ApiClient.Response signed = api.post(token("nurse"), "/api/v1/patients/" + patient + "/consents",
					Map.of("documentCode", document.get("code").asString(), "version", document.get("version").asInt(),
							"signedAt", Instant.now().minus(Duration.ofDays(30)).toString(), "signerName", "Eva Patient"));
			assertThat(signed.status()).as(signed.body()).isEqualTo(201);
			assertThat(api.post(token("physician"), "/api/v1/consents/" + signed.json().get("id").asString() + "/countersign",
					Map.of()).status()).isEqualTo(200);
		}
		ApiClient.Response enrolled = api.post(token("nurse"), "/api/v1/patients/" + patient + "/rems-enrollment",
				Map.of("enrolledOn", LocalDate.now().minusDays(40).toString()));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		return patient;
	}

	/** An esketamine session of the patient, given and discharged {@code dischargedMinutesAgo}; returns its id. */
	String dischargedSession(String patient, long dischargedMinutesAgo) {
		stock();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long checkedIn = dischargedMinutesAgo + 145;
		String nurse = token("nurse");
		ApiClient.Response created = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"scheduledStart", ago(now, checkedIn + 10)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String session = "/api/v1/sessions/" + id;
		Map<String, Object> checkIn = new HashMap<>();
		checkIn.put("checkedInAt", ago(now, checkedIn));
		checkIn.put("lastFoodAt", ago(now, checkedIn + 180));
		checkIn.put("lastLiquidAt", ago(now, checkedIn + 60));
		checkIn.put("escortName", "Sam Ride");
		checkIn.put("escortPhone", "555-0100");
		checkIn.put("vitals", Map.of("sbp", 120, "dbp", 80, "hr", 72, "spo2", 98));
		ApiClient.Response in = api.post(nurse, session + "/check-in", checkIn);
		assertThat(in.status()).as(in.body()).isEqualTo(200);
		ApiClient.Response given = api.post(nurse, session + "/administrations", Map.of("lot", LOT, "doseMg", 28,
				"startedAt", ago(now, dischargedMinutesAgo + 135), "deviceNumber", 1));
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		ApiClient.Response vitals = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(now, dischargedMinutesAgo + 5), "sbp", 124,
				"dbp", 80, "hr", 70, "spo2", 98));
		assertThat(vitals.status()).as(vitals.body()).isEqualTo(201);
		ApiClient.Response moaas = api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(5),
				"completedAt", ago(now, dischargedMinutesAgo + 5)));
		assertThat(moaas.status()).as(moaas.body()).isEqualTo(201);
		long version = api.get(nurse, session).json().get("version").asLong();
		ApiClient.Response discharged = api.post(nurse, session + "/discharge", Map.of("dischargedAt", ago(now, dischargedMinutesAgo),
				"escortConfirmed", true, "dissociationResolved", true, "version", version));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
		return id;
	}

	/** The esketamine lot the fixtures give from, received on first use. */
	String lot() {
		stock();
		return LOT;
	}

	private void stock() {
		synchronized (TherapyFixtures.class) {
			if (stocked) {
				return;
			}
			stocked = true;
		}
		ApiClient.Response received = api.post(token("physician"), "/api/v1/inventory/receipts", Map.of("product",
				"ESKETAMINE_28MG_DEVICE", "lot", LOT, "expiry", LocalDate.now().plusYears(1).toString(), "quantity", 40,
				"supplier", "Wholesaler", "invoice", "INV-" + LOT));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
	}

	private static String ago(Instant now, long minutes) {
		return now.minus(Duration.ofMinutes(minutes)).toString();
	}

	/** The open integration-due item of a dosing session, once the discharge event has been handled. */
	JsonNode awaitDue(String dosingSession) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> due(dosingSession), Optional::isPresent).get();
	}

	Optional<JsonNode> due(String dosingSession) {
		ApiClient.Response list = api.get(token("therapist"), "/api/v1/therapy/integration-due");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		for (JsonNode item : list.json()) {
			if (item.get("dosingSessionId").asString().equals(dosingSession)) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	ApiClient.Response plan(String token, String patient, Map<String, Object> body) {
		return api.post(token, "/api/v1/patients/" + patient + "/therapy-sessions", body);
	}

	/** A fresh patient (registered by the nurse) with a portal account; returns the patient id and the username. */
	PatientAccount patientWithAccount() {
		ApiClient.Response created = api.post(token("nurse"), "/api/v1/patients", Map.of("givenName", "Jo", "familyName",
				"Journal" + UUID.randomUUID().toString().substring(0, 8), "birthDate", "1984-03-02", "sexAtBirth", "FEMALE"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID patient = UUID.fromString(created.json().get("id").asString());
		String username = "pt-ther-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createAccount(demoClinic(), new Accounts.NewAccount(username, "Test patient", Role.PATIENT, patient, PASSWORD),
				"therapy-tests");
		return new PatientAccount(patient, username);
	}

	record PatientAccount(UUID patientId, String username) {
	}

	/** A physician of a second clinic, to prove clinics never see each other's therapy records; returns a token. */
	String otherClinicPhysician() {
		ClinicId clinic = accounts.createClinic("Therapy Other Clinic " + UUID.randomUUID().toString().substring(0, 8));
		String username = "other-ther-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Other physician", Role.PHYSICIAN, null, PASSWORD), "therapy-tests");
		return api.token(username, PASSWORD);
	}

	ClinicId demoClinic() {
		return new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'", UUID.class));
	}
}
