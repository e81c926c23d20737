package org.ketamineclinic.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.ketamineclinic.support.EvaluationCharts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Dosing sessions over real HTTP: check-in rules, acknowledgements, administration, monitoring, discharge, board, roles. */
@ClinicIntegrationTest
class SessionApiTest {

	@LocalServerPort
	int port;

	ApiClient api;

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static String ago(long minutes) {
		return NOW.minus(Duration.ofMinutes(minutes)).toString();
	}

	/** A patient ready for a session on {@code route}: approved evaluation, every current consent signed and countersigned, REMS for esketamine. */
	String readyPatient(String prefix, String route) {
		return readyPatient(api, prefix, route);
	}

	static String readyPatient(ApiClient api, String prefix, String route) {
		String patient = Courses.approvedPatient(api, prefix, route, "TRD");
		consent(api, patient, route);
		if (route.equals("IN_ESKETAMINE")) {
			ApiClient.Response enrolled = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/rems-enrollment",
					Map.of("enrolledOn", LocalDate.now().minusDays(1).toString()));
			assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		}
		return patient;
	}

	static void consent(ApiClient api, String patient, String route) {
		String nurse = api.token("nurse");
		for (JsonNode document : api.get(nurse, "/api/v1/consent-documents?route=" + route).json()) {
			ApiClient.Response signed = api.post(nurse, "/api/v1/patients/" + patient + "/consents",
					Map.of("documentCode", document.get("code").asString(), "version", document.get("version").asInt(),
							"signedAt", ago(60 * 24), "signerName", "Eva Patient"));
			assertThat(signed.status()).as(signed.body()).isEqualTo(201);
			assertThat(api.post(api.token("physician"), "/api/v1/consents/" + signed.json().get("id").asString() + "/countersign", Map.of())
				.status()).isEqualTo(200);
		}
	}

	private static boolean stocked;

	/** The lots the tests give from, received once into the clinic's ledger: an administration draws whole units from it. */
	@org.junit.jupiter.api.BeforeEach
	void stockTheShelf() {
		synchronized (SessionApiTest.class) {
			if (stocked) {
				return;
			}
			stocked = true;
		}
		ApiClient client = new ApiClient(port);
		String physician = client.token("physician");
		for (String lot : List.of("ESK-1", "ESK-2", "ESK-3", "ESK-LOT-7", "ESK-LOT-8")) {
			receive(client, physician, "ESKETAMINE_28MG_DEVICE", lot);
		}
		for (String lot : List.of("KET-1", "KET-9", "KET-22")) {
			receive(client, physician, "KETAMINE_10MG_PER_ML_20ML", lot);
		}
	}

	static void receive(ApiClient client, String token, String product, String lot) {
		ApiClient.Response received = client.post(token, "/api/v1/inventory/receipts", Map.of("product", product, "lot", lot,
				"expiry", LocalDate.now().plusYears(1).toString(), "quantity", 40, "supplier", "Wholesaler", "invoice", "INV-" + lot));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
	}

	static int onShelf(ApiClient client, String token, String lot) {
		int units = 0;
		for (JsonNode balance : client.get(token, "/api/v1/inventory/balances").json()) {
			if (balance.get("lot").asString().equals(lot)) {
				units += balance.get("quantity").asInt();
			}
		}
		return units;
	}

	String createSession(String token, Map<String, Object> body) {
		ApiClient.Response created = api.post(token, "/api/v1/sessions", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");
		return "/api/v1/sessions/" + created.json().get("id").asString();
	}

	static Map<String, Object> checkIn(long checkedInMinutesAgo, int sbp, int dbp) {
		Map<String, Object> body = new HashMap<>();
		body.put("checkedInAt", ago(checkedInMinutesAgo));
		body.put("lastFoodAt", ago(checkedInMinutesAgo + 180));
		body.put("lastLiquidAt", ago(checkedInMinutesAgo + 60));
		body.put("escortName", "Sam Ride");
		body.put("escortPhone", "555-0100");
		body.put("vitals", Map.of("sbp", sbp, "dbp", dbp, "hr", 72, "spo2", 98));
		return body;
	}

	/** Fetches a PDF with {@code Accept: application/pdf} and returns its text with whitespace collapsed. */
	String pdfText(String token, String path) {
		try {
			java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + token).header("Accept", "application/pdf").GET().build(),
						java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
			try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(response.body())) {
				return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			}
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The sessions of one chair on today's board, or null when the chair is not on it. */
	JsonNode chairSessions(String token, String chair) {
		for (JsonNode c : api.get(token, "/api/v1/board").json().get("chairs")) {
			if (c.get("chairId").asString().equals(chair)) {
				return c.get("sessions");
			}
		}
		return null;
	}

	/** The session's entry in the list of REMS forms due, or null. */
	JsonNode dueForm(String token, String sessionId) {
		for (JsonNode form : api.get(token, "/api/v1/rems-forms/due").json()) {
			if (form.get("sessionId").asString().equals(sessionId)) {
				return form;
			}
		}
		return null;
	}

	@Test
	void aRemsFormNotSubmittedWithinSevenDaysIsOverdue() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Overdue", "IN_ESKETAMINE");
		long nineDays = 9 * 24 * 60;
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IN_ESKETAMINE", "scheduledStart", ago(nineDays)));
		assertThat(api.post(nurse, session + "/check-in", checkIn(nineDays, 120, 80)).status()).isEqualTo(200);
		assertThat(api.post(nurse, session + "/administrations", Map.of("lot", "ESK-1", "doseMg", 28, "startedAt", ago(nineDays - 5),
				"deviceNumber", 1)).status()).isEqualTo(201);
		assertThat(api.post(nurse, session + "/abort", Map.of("reason", "Charted late: patient left against advice")).status()).isEqualTo(200);
		JsonNode due = dueForm(nurse, session.substring(session.lastIndexOf('/') + 1));
		assertThat(due).isNotNull();
		assertThat(due.get("overdue").asBoolean()).isTrue();
		assertThat(due.get("patientName").asString()).startsWith("Eva Overdue");

		// The staff home's sessions card lists it for clinicians, not for the front desk.
		org.ketamineclinic.security.WebSession web = new org.ketamineclinic.security.WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		assertThat(web.get("/").body()).contains("/sessions/home-fragment");
		java.net.http.HttpResponse<String> card = web.get("/sessions/home-fragment");
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).contains("REMS monitoring forms to submit", due.get("patientName").asString(), "overdue since",
				"Chair board");
		java.net.http.HttpResponse<String> frontDesk = new org.ketamineclinic.security.WebSession(port).signIn("frontdesk",
				ApiClient.DEMO_PASSWORD).get("/sessions/home-fragment");
		assertThat(frontDesk.statusCode()).isEqualTo(200);
		assertThat(frontDesk.body()).doesNotContain("REMS monitoring forms").contains("Chair board");
	}

	static List<String> ruleIds(ApiClient.Response response) {
		return response.json().get("findings").findValuesAsString("ruleId");
	}

	@Test
	void anEsketamineSessionFromCheckInToDischarge() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		String patient = readyPatient("Esk", "IN_ESKETAMINE");
		String session = createSession(api.token("frontdesk"), Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"plannedDoseMg", 84, "scheduledStart", ago(200), "chairId", "Chair-E"));

		// Blood pressure above 140/90 and a meal an hour before check-in: the patient is in, but not dosed yet.
		Map<String, Object> body = checkIn(190, 150, 95);
		body.put("lastFoodAt", ago(250));
		ApiClient.Response checkedIn = api.post(nurse, session + "/check-in", body);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		assertThat(checkedIn.json().get("status").asString()).isEqualTo("CHECKED_IN");
		assertThat(ruleIds(checkedIn)).containsExactlyInAnyOrder("PRE_DOSE_BLOOD_PRESSURE_HIGH", "FOOD_FAST_TOO_SHORT");
		assertThat(checkedIn.json().get("findings").findValuesAsString("severity")).containsOnly("ACKNOWLEDGE");
		assertThat(checkedIn.json().get("findings").findValuesAsString("source")).containsOnly("REG");
		assertThat(api.post(nurse, session + "/check-in", checkIn(190, 120, 80)).status()).as("only once").isEqualTo(409);

		Map<String, Object> device1 = Map.of("lot", "ESK-LOT-7", "doseMg", 28, "startedAt", ago(150), "deviceNumber", 1);
		ApiClient.Response refused = api.post(nurse, session + "/administrations", device1);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(ruleIds(refused)).containsExactlyInAnyOrder("PRE_DOSE_BLOOD_PRESSURE_HIGH", "FOOD_FAST_TOO_SHORT");
		Map<String, String> ack = Map.of("ruleId", "PRE_DOSE_BLOOD_PRESSURE_HIGH", "reason", "Rechecked after rest: 138/88");
		assertThat(api.post(nurse, session + "/acknowledgements", ack).status()).as("physician only").isEqualTo(403);
		assertThat(api.post(physician, session + "/acknowledgements", Map.of("ruleId", "PRE_DOSE_BLOOD_PRESSURE_HIGH")).status())
			.as("a reason is required").isEqualTo(400);
		assertThat(api.post(physician, session + "/acknowledgements", ack).status()).isEqualTo(201);
		assertThat(api.post(physician, session + "/acknowledgements", ack).status()).as("once").isEqualTo(409);
		assertThat(api.post(nurse, session + "/administrations", device1).status()).as("one still open").isEqualTo(422);
		ApiClient.Response acknowledged = api.post(physician, session + "/acknowledgements",
				Map.of("ruleId", "FOOD_FAST_TOO_SHORT", "reason", "Light snack only"));
		assertThat(acknowledged.json().get("findings").findValuesAsString("acknowledgedBy")).containsOnly("physician");

		ApiClient.Response first = api.post(nurse, session + "/administrations", device1);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("MONITORING");
		assertThat(first.json().get("warnings").size()).isZero();
		ApiClient.Response second = api.post(nurse, session + "/administrations",
				Map.of("lot", "ESK-LOT-7", "doseMg", 28, "startedAt", ago(147), "deviceNumber", 2));
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("warnings").findValuesAsString("code")).containsExactly("DEVICE_INTERVAL_SHORT");
		assertThat(api.post(nurse, session + "/administrations",
				Map.of("lot", "ESK-LOT-7", "doseMg", 56, "startedAt", ago(142), "deviceNumber", 3)).status()).isEqualTo(400);
		assertThat(api.post(nurse, session + "/administrations",
				Map.of("lot", "ESK-LOT-7", "doseMg", 28, "startedAt", ago(142), "deviceNumber", 3)).status()).isEqualTo(201);

		// The 40-minute reading, then a severe rise that raises an alert.
		ApiClient.Response at40 = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(110), "sbp", 158, "dbp", 96, "hr", 80, "spo2", 97));
		assertThat(at40.status()).as(at40.body()).isEqualTo(201);
		assertThat(at40.json().get("alerts").size()).isZero();
		ApiClient.Response severe = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(100), "sbp", 182, "dbp", 100));
		assertThat(severe.json().get("alerts").findValuesAsString("code")).containsExactly("BLOOD_PRESSURE_SEVERE");
		assertThat(severe.json().get("alerts").findValuesAsString("severity")).containsExactly("URGENT");

		// Too early and nothing measured after dosing: every unmet criterion is listed.
		ApiClient.Response early = api.post(nurse, session + "/discharge", Map.of("dischargedAt", ago(40), "escortConfirmed", false));
		assertThat(early.status()).as(early.body()).isEqualTo(422);
		assertThat(ruleIds(early)).containsExactlyInAnyOrder("DISCHARGE_2_HOURS_AFTER_FIRST_DEVICE", "DISCHARGE_SEDATION_RESOLVED",
				"DISCHARGE_BLOOD_PRESSURE_SAFE", "DISCHARGE_DISSOCIATION_RESOLVED", "DISCHARGE_ESCORT_CONFIRMED");

		// Sedation and dissociation during the session, and a benzodiazepine on the chart, for the REMS form.
		assertThat(api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(4), "completedAt", ago(100)))
			.status()).isEqualTo(201);
		List<Integer> cadss = new ArrayList<>(java.util.Collections.nCopies(23, 0));
		cadss.set(0, 1);
		cadss.set(5, 2);
		ApiClient.Response dissociated = api.post(nurse, session + "/assessments", Map.of("instrument", "CADSS", "answers", cadss,
				"completedAt", ago(95)));
		assertThat(dissociated.status()).as(dissociated.body()).isEqualTo(201);
		assertThat(dissociated.json().get("total").asInt()).isEqualTo(3);
		assertThat(api.post(nurse, "/api/v1/patients/" + patient + "/medications", Map.of("name", "Lorazepam", "medicationClass",
				"BENZODIAZEPINE", "dose", "0.5 mg at night", "startDate", "2026-01-05")).status()).isEqualTo(201);
		assertThat(api.get(nurse, session + "/rems-form").status()).as("not before the session ended").isEqualTo(409);
		assertThat(api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(5), "completedAt", ago(30)))
			.status()).isEqualTo(201);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(28), "sbp", 136, "dbp", 86, "hr", 70, "spo2", 98))
			.json().get("alerts").size()).isZero();
		JsonNode view = api.get(nurse, session).json();
		assertThat(view.get("status").asString()).isEqualTo("READY_FOR_DISCHARGE");
		assertThat(view.get("givenDoseMg").decimalValue()).isEqualByComparingTo("84");
		assertThat(view.get("administrations").findValuesAsString("lot")).containsOnly("ESK-LOT-7");
		assertThat(view.get("alerts").findValuesAsString("code")).containsExactly("BLOOD_PRESSURE_SEVERE");
		assertThat(view.get("nextVitalsDueAt").isNull()).as("the 40-minute reading is done").isTrue();

		ApiClient.Response discharged = api.post(nurse, session + "/discharge", Map.of("dischargedAt", ago(25), "readyToLeaveAt", ago(60),
				"escortConfirmed", true, "dissociationResolved", true, "version", view.get("version").asLong()));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
		assertThat(discharged.json().get("status").asString()).isEqualTo("DISCHARGED");
		assertThat(discharged.json().get("readyToLeaveAt").asString()).isEqualTo(ago(60));
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(1), "hr", 70)).status()).as("after discharge").isEqualTo(409);

		ApiClient.Response rems = api.get(nurse, session + "/rems-form");
		assertThat(rems.status()).as(rems.body()).isEqualTo(200);
		JsonNode form = rems.json();
		assertThat(form.get("templateVersion").asString()).isEqualTo("ESKETAMINE_REMS_PMF_1");
		assertThat(form.get("patient").get("givenName").asString()).isEqualTo("Eva");
		assertThat(form.get("patient").get("familyName").asString()).startsWith("Esk");
		assertThat(form.get("patient").get("birthDate").asString()).isEqualTo("1980-02-02");
		assertThat(form.get("patient").get("sexAtBirth").asString()).isEqualTo("FEMALE");
		assertThat(form.get("firstTreatment").asBoolean()).isTrue();
		assertThat(form.get("concomitant").get("benzodiazepines").asBoolean()).isTrue();
		assertThat(form.get("concomitant").get("nonBenzodiazepineSedativeHypnotics").asBoolean()).isFalse();
		assertThat(form.get("concomitant").get("psychostimulants").asBoolean()).isFalse();
		assertThat(form.get("concomitant").get("maois").asBoolean()).isFalse();
		assertThat(form.get("monitoringClinician").get("name").asString()).isNotBlank();
		assertThat(form.get("monitoringClinician").get("phone").asString()).as("the certified setting's phone").isEqualTo("+1 555 010 0100");
		assertThat(form.get("monitoringClinician").has("email")).isTrue();
		assertThat(form.get("setting").get("remsSettingId").asString()).startsWith("DEMO-REMS");
		assertThat(form.get("setting").get("name").asString()).isEqualTo("Demo Ketamine Clinic");
		assertThat(form.get("setting").get("address").asString()).isEqualTo("100 Example Way, Suite 200, Springfield, IL 62701");
		LocalDate treated = NOW.minus(Duration.ofMinutes(150)).atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
		assertThat(form.get("treatmentDate").asString()).isEqualTo(treated.toString());
		assertThat(form.get("dueBy").asString()).isEqualTo(treated.plusDays(7).toString());
		assertThat(form.get("doseMg").decimalValue()).isEqualByComparingTo("84");
		assertThat(form.get("lot").asString()).isEqualTo("ESK-LOT-7");
		assertThat(form.get("totalMonitoringMinutes").asLong()).isEqualTo(125);
		assertThat(form.get("readyToLeaveMinutes").asLong()).isEqualTo(90);
		assertThat(form.get("vitalsAcceptableBeforeDose").asBoolean()).as("150/95 before the dose").isFalse();
		assertThat(form.get("vitalsAcceptableBeforeDischarge").asBoolean()).isTrue();
		JsonNode bp = form.get("bloodPressure");
		assertThat(bp.get("preDose").get("sbp").asInt()).isEqualTo(150);
		assertThat(bp.get("preDose").get("dbp").asInt()).isEqualTo(95);
		assertThat(bp.get("at40Minutes").get("sbp").asInt()).as("the reading closest to 40 minutes").isEqualTo(158);
		assertThat(bp.get("at40Minutes").get("dbp").asInt()).isEqualTo(96);
		assertThat(bp.get("beforeDischarge").get("sbp").asInt()).isEqualTo(136);
		assertThat(bp.get("beforeDischarge").get("dbp").asInt()).isEqualTo(86);
		assertThat(form.get("sedation").asBoolean()).isTrue();
		assertThat(form.get("dissociation").asBoolean()).isTrue();
		assertThat(form.get("respiratoryDepression").asBoolean()).isFalse();
		assertThat(form.get("seriousAdverseEvent").asBoolean()).isFalse();
		assertThat(form.get("submittedAt").isNull()).isTrue();
		assertThat(api.get(api.token("frontdesk"), session + "/rems-form").status()).isEqualTo(403);
		String printed = pdfText(nurse, session + "/rems-form");
		assertThat(printed).contains("Esketamine REMS Patient Monitoring Form", "ESKETAMINE_REMS_PMF_1", "ESK-LOT-7", "150/95", "158/96",
				"136/86", "Dose 84 mg", "Benzodiazepines Yes", "First treatment Yes", "Sedation Yes", "Dissociation Yes",
				"Respiratory depression No", "Vital signs acceptable before dosing No");

		// Forms not yet submitted are listed with their due date; submitting records who, when and the confirmation number, once.
		String sessionId = session.substring(session.lastIndexOf('/') + 1);
		JsonNode listed = dueForm(nurse, sessionId);
		assertThat(listed).isNotNull();
		assertThat(listed.get("dueBy").asString()).isEqualTo(treated.plusDays(7).toString());
		assertThat(listed.get("overdue").asBoolean()).isFalse();
		assertThat(api.post(nurse, session + "/rems-form/submission", Map.of("confirmationNumber", " ")).status()).isEqualTo(400);
		ApiClient.Response submitted = api.post(nurse, session + "/rems-form/submission", Map.of("confirmationNumber", "REMS-778812"));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat(submitted.json().get("submittedBy").asString()).isEqualTo("nurse");
		assertThat(submitted.json().get("confirmationNumber").asString()).isEqualTo("REMS-778812");
		assertThat(submitted.json().get("templateVersion").asString()).isEqualTo("ESKETAMINE_REMS_PMF_1");
		assertThat(api.get(nurse, session + "/rems-form").json().get("submittedAt").isNull()).isFalse();
		assertThat(api.post(nurse, session + "/rems-form/submission", Map.of("confirmationNumber", "REMS-1")).status()).isEqualTo(409);
		assertThat(dueForm(nurse, sessionId)).isNull();
		assertThat(api.get(api.token("frontdesk"), "/api/v1/rems-forms/due").status()).isEqualTo(403);

		// A second esketamine session of the same patient is not the first treatment (the new medication asks for a fresh evaluation).
		Courses.approve(api, patient, "IN_ESKETAMINE", "TRD");
		String next = createSession(nurse, Map.of("patientId", patient, "route", "IN_ESKETAMINE", "scheduledStart", ago(20)));
		assertThat(api.post(nurse, next + "/check-in", checkIn(20, 120, 80)).status()).isEqualTo(200);
		assertThat(api.post(nurse, next + "/administrations", Map.of("lot", "ESK-LOT-8", "doseMg", 28, "startedAt", ago(15),
				"deviceNumber", 1)).status()).isEqualTo(201);
		assertThat(api.post(nurse, next + "/abort", Map.of("reason", "Nasal congestion, could not continue")).status()).isEqualTo(200);
		JsonNode secondForm = api.get(nurse, next + "/rems-form").json();
		assertThat(secondForm.get("firstTreatment").asBoolean()).isFalse();
		assertThat(secondForm.get("doseMg").decimalValue()).isEqualByComparingTo("28");
		assertThat(secondForm.get("bloodPressure").get("at40Minutes").isNull()).isTrue();
		assertThat(secondForm.get("vitalsAcceptableBeforeDischarge").asBoolean()).as("nothing measured after the dose").isFalse();
		assertThat(api.post(nurse, session + "/abort", Map.of("reason", "x")).status()).isEqualTo(409);
	}

	@Test
	void aLaterRiseTakesAReadySessionBackToMonitoring() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Ready", "IN_ESKETAMINE");
		String chair = "Chair-" + System.nanoTime();
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IN_ESKETAMINE", "scheduledStart", ago(150),
				"chairId", chair));
		assertThat(api.post(nurse, session + "/check-in", checkIn(140, 128, 82)).status()).isEqualTo(200);
		api.post(nurse, session + "/administrations", Map.of("lot", "ESK-2", "doseMg", 28, "startedAt", ago(130), "deviceNumber", 1));
		api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(5), "completedAt", ago(10)));
		api.post(nurse, session + "/vitals", Map.of("takenAt", ago(9), "sbp", 130, "dbp", 80, "spo2", 98));
		JsonNode ready = api.get(nurse, session).json();
		assertThat(ready.get("status").asString()).isEqualTo("READY_FOR_DISCHARGE");
		assertThat(ready.get("dischargeReadiness").get("ready").asBoolean()).isTrue();

		api.post(nurse, session + "/vitals", Map.of("takenAt", ago(1), "sbp", 178, "dbp", 104, "spo2", 97));
		assertThat(chairSessions(nurse, chair).get(0).get("readyForDischarge").asBoolean()).isFalse();
		JsonNode watched = api.get(nurse, session).json();
		assertThat(watched.get("status").asString()).isEqualTo("MONITORING");
		assertThat(watched.get("dischargeReadiness").get("unmet").findValuesAsString("ruleId")).containsExactly("DISCHARGE_BLOOD_PRESSURE_SAFE");
	}

	@Test
	void aPatientStillInTheChairFromYesterdayEveningStaysOnTheBoard() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		java.time.ZoneId clinic = java.time.ZoneId.of("America/New_York");
		Instant startOfToday = java.time.LocalDate.now(clinic).atStartOfDay(clinic).toInstant();
		String evening = startOfToday.minus(Duration.ofMinutes(45)).toString();
		String inChair = "Chair-" + System.nanoTime();
		String watched = createSession(nurse, Map.of("patientId", readyPatient("Evening", "IN_ESKETAMINE"), "route", "IN_ESKETAMINE",
				"scheduledStart", evening, "chairId", inChair));
		Map<String, Object> checkIn = checkIn(0, 128, 82);
		ApiClient.Response checkedIn = api.post(nurse, watched + "/check-in", checkIn);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		String gone = "Chair-" + System.nanoTime();
		createSession(nurse, Map.of("patientId", readyPatient("NeverCame", "IN_ESKETAMINE"), "route", "IN_ESKETAMINE",
				"scheduledStart", evening, "chairId", gone));

		assertThat(chairSessions(nurse, inChair)).as("checked in before midnight, still in the chair").isNotNull();
		assertThat(chairSessions(nurse, inChair).get(0).get("sessionId").asString()).isEqualTo(watched.substring(watched.lastIndexOf('/') + 1));
		assertThat(chairSessions(nurse, gone)).as("planned yesterday, never checked in").isNull();
	}

	@Test
	void hardBlocksRefuseTheCheckInAndKeepTheSessionPlanned() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = EvaluationCharts.complete(api, "NoGate");
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IN_ESKETAMINE", "scheduledStart", NOW.toString()));
		Map<String, Object> body = checkIn(5, 120, 80);
		body.remove("escortPhone");
		ApiClient.Response blocked = api.post(nurse, session + "/check-in", body);
		assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
		assertThat(ruleIds(blocked)).containsExactlyInAnyOrder("ESCORT_REQUIRED", "APPROVED_EVALUATION_REQUIRED", "CONSENT_REQUIRED",
				"REMS_PATIENT_ENROLLMENT_REQUIRED");
		assertThat(api.get(nurse, session).json().get("status").asString()).isEqualTo("PLANNED");

		// With evaluation, consent and enrollment in place only the missing escort blocks; with it the check-in goes through.
		String ready = readyPatient("Gate", "IN_ESKETAMINE");
		String second = createSession(nurse, Map.of("patientId", ready, "route", "IN_ESKETAMINE", "scheduledStart", NOW.toString()));
		assertThat(ruleIds(api.post(nurse, second + "/check-in", body))).containsExactly("ESCORT_REQUIRED");
		ApiClient.Response ok = api.post(nurse, second + "/check-in", checkIn(5, 120, 80));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("findings").size()).isZero();
		// An IV session of the same patient has no approved IV evaluation.
		String iv = createSession(nurse, Map.of("patientId", ready, "route", "IV_KETAMINE", "scheduledStart", NOW.toString()));
		assertThat(ruleIds(api.post(nurse, iv + "/check-in", checkIn(5, 120, 80))))
			.containsExactlyInAnyOrder("APPROVED_EVALUATION_REQUIRED", "CONSENT_REQUIRED");
	}

	@Test
	void implausibleInputIsRefusedNotClamped() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Range", "IM_KETAMINE");
		assertThat(api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "ORAL", "scheduledStart", NOW.toString()))
			.status()).isEqualTo(400);
		assertThat(api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE", "plannedDoseMg", 70,
				"scheduledStart", NOW.toString())).status()).isEqualTo(400);
		assertThat(api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IV_KETAMINE", "plannedDoseMgPerKg", 1.2,
				"scheduledStart", NOW.toString())).status()).isEqualTo(400);
		assertThat(api.post(nurse, "/api/v1/sessions", Map.of("patientId", java.util.UUID.randomUUID().toString(), "route", "IM_KETAMINE",
				"scheduledStart", NOW.toString())).status()).isEqualTo(404);
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IM_KETAMINE", "plannedDoseMgPerKg", 0.5,
				"scheduledStart", NOW.toString()));
		ApiClient.Response badVitals = api.post(nurse, session + "/check-in", checkIn(60, 120, 130));
		assertThat(badVitals.status()).isEqualTo(400);
		assertThat(badVitals.json().get("errors").findValuesAsString("field")).contains("vitals.dbp");
		assertThat(api.post(nurse, session + "/check-in", checkIn(60, 120, 80)).status()).isEqualTo(200);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(30), "spo2", 49)).status()).isEqualTo(400);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", NOW.plus(Duration.ofMinutes(10)).toString(), "hr", 70)).status())
			.as("in the future").isEqualTo(400);
		assertThat(api.post(nurse, session + "/administrations", Map.of("doseMg", 35, "startedAt", ago(30))).status()).as("no lot").isEqualTo(400);
		assertThat(api.get(nurse, session).json().get("vitals").size()).isZero();
	}

	@Test
	void anIvCourseSessionGivesTheSignedOrderAndReportsBackToTheCourse() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		String patient = readyPatient("IvCourse", "IV_KETAMINE");
		JsonNode course = api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString())).json();
		String coursePath = "/api/v1/courses/" + course.get("id").asString();
		String session = createSession(nurse, Map.of("patientId", patient, "courseId", course.get("id").asString(),
				"scheduledStart", ago(120), "chairId", "Chair-IV"));
		assertThat(api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "courseId", course.get("id").asString(),
				"plannedDoseMg", 40, "scheduledStart", NOW.toString())).status()).as("the order gives the dose").isEqualTo(400);
		ApiClient.Response byFrontDesk = api.post(api.token("frontdesk"), "/api/v1/sessions", Map.of("patientId", patient,
				"courseId", course.get("id").asString(), "scheduledStart", NOW.plus(Duration.ofDays(3)).toString()));
		assertThat(byFrontDesk.status()).as("front desk schedules course sessions too").isEqualTo(201);
		assertThat(api.get(nurse, "/api/v1/sessions/" + byFrontDesk.json().get("id").asString()).json().get("courseSessionNumber").asInt())
			.as("session 1 is taken by the first dosing session, so the next planned one").isEqualTo(2);
		ApiClient.Response twice = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "courseId", course.get("id").asString(),
				"courseSessionNumber", 1, "scheduledStart", NOW.toString()));
		assertThat(twice.status()).as("one signed order is never given in two sessions").isEqualTo(409);
		assertThat(twice.body()).contains("Course session 1 already has a dosing session");
		assertThat(api.post(api.token("frontdesk"), "/api/v1/sessions/" + byFrontDesk.json().get("id").asString() + "/cancel",
				Map.of("reason", "Booked twice")).status()).isEqualTo(200);
		assertThat(api.post(nurse, session + "/check-in", checkIn(100, 130, 85)).status()).isEqualTo(200);
		Map<String, Object> infusion = Map.of("lot", "KET-22", "doseMg", 35, "startedAt", ago(90), "durationMinutes", 40,
				"checkedBy", "physician");
		ApiClient.Response unsigned = api.post(nurse, session + "/administrations", infusion);
		assertThat(unsigned.status()).isEqualTo(422);
		assertThat(ruleIds(unsigned)).containsExactly("SIGNED_ORDER_REQUIRED");
		assertThat(api.post(physician, coursePath + "/sessions/1/order", Map.of("vialConcentrationMgPerMl", 10, "bagVolumeMl", 100))
			.status()).isEqualTo(201);
		ApiClient.Response wrong = api.post(nurse, session + "/administrations",
				Map.of("lot", "KET-22", "doseMg", 40, "startedAt", ago(90), "durationMinutes", 40));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(ruleIds(wrong)).containsExactly("DOSE_MATCHES_SIGNED_ORDER");
		ApiClient.Response stranger = api.post(nurse, session + "/administrations", Map.of("lot", "KET-22", "doseMg", 35,
				"startedAt", ago(90), "durationMinutes", 40, "checkedBy", "frontdesk"));
		assertThat(stranger.status()).as("only a nurse or physician checks a dose").isEqualTo(400);
		int shelf = onShelf(api, nurse, "KET-22");
		Map<String, Object> unknownLot = new HashMap<>(infusion);
		unknownLot.put("lot", "NOT-RECEIVED-1");
		ApiClient.Response notInStock = api.post(nurse, session + "/administrations", unknownLot);
		assertThat(notInStock.status()).as(notInStock.body()).isEqualTo(400);
		assertThat(notInStock.body()).contains("not a lot of ketamine vials in stock");
		assertThat(onShelf(api, nurse, "KET-22")).as("refused administrations take nothing off the shelf").isEqualTo(shelf);
		ApiClient.Response given = api.post(nurse, session + "/administrations", infusion);
		assertThat(onShelf(api, nurse, "KET-22")).as("one 200 mg vial for 35 mg").isEqualTo(shelf - 1);
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		assertThat(given.json().get("infusionRateMlPerHour").decimalValue()).isEqualByComparingTo("150");
		assertThat(given.json().get("status").asString()).as("the infusion ended 50 minutes ago").isEqualTo("MONITORING");
		assertThat(api.get(nurse, session).json().get("administrations").get(0).get("checkedBy").asString()).isEqualTo("physician");

		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(70), "sbp", 185, "dbp", 112, "hr", 88, "spo2", 97))
			.json().get("alerts").findValuesAsString("code")).containsExactly("BLOOD_PRESSURE_SEVERE");
		ApiClient.Response schedule = api.post(nurse, "/api/v1/patients/" + patient + "/measure-schedules",
				Map.of("instrument", "QIDS_SR16", "hoursAfterSession", 24));
		assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
		assertThat(schedule.json().get("nextDueAt").isNull()).isTrue();
		ApiClient.Response noAldrete = api.post(nurse, session + "/discharge",
				Map.of("dischargedAt", ago(5), "escortConfirmed", true, "dissociationResolved", true));
		// 35 mg came from a 200 mg vial: the other 165 mg must be wasted under witness (or kept) before the patient leaves.
		assertThat(ruleIds(noAldrete)).containsExactly("DISCHARGE_ALDRETE_SCORE", "DISCHARGE_CONTROLLED_SUBSTANCE_REMAINDER_ACCOUNTED");
		assertThat(noAldrete.body()).contains("165 mg");
		String sessionId = session.substring(session.lastIndexOf('/') + 1);
		ApiClient.Response wasted = api.post(nurse, "/api/v1/inventory/wastes", Map.of("product", "KETAMINE_10MG_PER_ML_20ML",
				"lot", "KET-22", "amountMg", 165, "witnessUsername", "physician", "witnessPassword", ApiClient.DEMO_PASSWORD,
				"sessionId", sessionId));
		assertThat(wasted.status()).as(wasted.body()).isEqualTo(201);
		assertThat(ruleIds(api.post(nurse, session + "/discharge",
				Map.of("dischargedAt", ago(5), "escortConfirmed", true, "dissociationResolved", true))))
			.containsExactly("DISCHARGE_ALDRETE_SCORE");
		ApiClient.Response aldrete = api.post(nurse, session + "/assessments",
				Map.of("instrument", "ALDRETE", "answers", List.of(2, 2, 2, 2, 1), "completedAt", ago(10)));
		assertThat(aldrete.status()).as(aldrete.body()).isEqualTo(201);
		assertThat(aldrete.json().get("total").asInt()).isEqualTo(9);
		ApiClient.Response discharged = api.post(nurse, session + "/discharge",
				Map.of("dischargedAt", ago(5), "escortConfirmed", true, "dissociationResolved", true));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);

		assertThat(api.get(nurse, session + "/rems-form").status()).as("no REMS form for IV").isEqualTo(404);

		// The note: a draft composed from the session, signed once, then only addenda.
		JsonNode draft = api.get(nurse, session + "/note").json();
		assertThat(draft.get("signed").asBoolean()).isFalse();
		assertThat(draft.get("text").asString()).contains("Intravenous racemic ketamine session", "35 mg, lot KET-22", "over 40 minutes",
				"checked by physician", "BLOOD_PRESSURE_SEVERE", "ALDRETE", "Discharged");
		ApiClient.Response signed = api.post(nurse, session + "/note/signature", Map.of());
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		assertThat(signed.json().get("signedBy").asString()).isEqualTo("nurse");
		assertThat(signed.json().get("contentSha256").asString()).hasSize(64);
		assertThat(signed.json().get("text").asString()).isEqualTo(draft.get("text").asString());
		assertThat(api.post(physician, session + "/note/signature", Map.of("text", "Rewritten")).status()).isEqualTo(409);
		assertThat(api.post(physician, session + "/note/addenda", Map.of("text", " ")).status()).isEqualTo(400);
		ApiClient.Response added = api.post(physician, session + "/note/addenda", Map.of("text", "Called the next day: well, no headache."));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("addenda").findValuesAsString("addedBy")).containsExactly("physician");
		assertThat(added.json().get("text").asString()).isEqualTo(signed.json().get("text").asString());
		JsonNode measures = api.get(nurse, "/api/v1/patients/" + patient + "/measure-schedules").json();
		assertThat(Instant.parse(measures.get(0).get("nextDueAt").asString())).as("a post-session measure falls due 24 h after discharge")
			.isEqualTo(NOW.minus(Duration.ofMinutes(5)).plus(Duration.ofHours(24)));
		JsonNode first = api.get(physician, coursePath).json().get("plannedSessions").get(0);
		assertThat(first.get("status").asString()).isEqualTo("GIVEN");
		assertThat(first.get("givenDoseMg").decimalValue()).isEqualByComparingTo("35");
		assertThat(first.get("bloodPressureAlert").asBoolean()).isTrue();
		assertThat(first.get("severeDissociation").asBoolean()).isFalse();
	}

	@Test
	void anEsketamineCourseSessionGivenInPartIsDischargedButNotRecordedOnTheCourse() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		String patient = readyPatient("EskCourse", "IN_ESKETAMINE");
		ApiClient.Response course = api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "ESKETAMINE_TRD_LABEL", "startDate", LocalDate.now().toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String coursePath = "/api/v1/courses/" + course.json().get("id").asString();
		ApiClient.Response order = api.post(physician, coursePath + "/sessions/1/order", Map.of());
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().get("devices").asInt()).isEqualTo(2);
		ApiClient.Response created = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "courseId",
				course.json().get("id").asString(), "scheduledStart", ago(150)));
		assertThat(created.json().get("plannedDoseMg").decimalValue()).isEqualByComparingTo("56");
		String session = "/api/v1/sessions/" + created.json().get("id").asString();
		assertThat(api.post(nurse, session + "/check-in", checkIn(145, 126, 80)).status()).isEqualTo(200);
		assertThat(api.post(nurse, session + "/administrations", Map.of("lot", "ESK-3", "doseMg", 28, "startedAt", ago(140),
				"deviceNumber", 1)).status()).isEqualTo(201);
		ApiClient.Response third = api.post(nurse, session + "/administrations", Map.of("lot", "ESK-3", "doseMg", 28,
				"startedAt", ago(135), "deviceNumber", 3));
		assertThat(third.status()).as("the order is two devices").isEqualTo(422);
		assertThat(ruleIds(third)).containsExactly("DOSE_MATCHES_SIGNED_ORDER");
		api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(5), "completedAt", ago(20)));
		api.post(nurse, session + "/vitals", Map.of("takenAt", ago(19), "sbp", 128, "dbp", 80, "spo2", 98));
		ApiClient.Response discharged = api.post(nurse, session + "/discharge", Map.of("dischargedAt", ago(10), "escortConfirmed", true,
				"dissociationResolved", true));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
		assertThat(api.get(physician, coursePath).json().get("plannedSessions").get(0).get("status").asString()).isEqualTo("PLANNED");
	}

	/**
	 * The thresholds are the clinic's own settings, changed with a reason on the clinic policy page:
	 * a change reaches the next reading and the next IV dose, and the history says who and why.
	 */
	@Test
	void theClinicsOwnThresholdsAndSecondCheckApplyToTheNextReadingAndDose() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		String patient = readyPatient("Limits", "IV_KETAMINE");
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IV_KETAMINE", "scheduledStart", ago(30)));
		api.post(nurse, session + "/check-in", checkIn(25, 130, 85));
		try {
			ApiClient.Response stricter = api.put(physician, "/api/v1/clinic-policy/heartRateAbove",
					Map.of("value", 100, "reason", "Cardiology asked for earlier calls"));
			assertThat(stricter.status()).as(stricter.body()).isEqualTo(200);
			ApiClient.Response checked = api.put(physician, "/api/v1/clinic-policy/ivSecondPersonCheck",
					Map.of("value", "YES", "reason", "Double check after a pump error"));
			assertThat(checked.status()).as(checked.body()).isEqualTo(200);
			assertThat(api.put(physician, "/api/v1/clinic-policy/spo2Below", Map.of("value", 95, "reason", "x")).status())
				.as("a single-reading SpO2 alert above the sustained one is refused").isEqualTo(400);
			JsonNode history = api.get(physician, "/api/v1/clinic-policy").json().get("history");
			assertThat(history.get(0).get("key").asString()).isEqualTo("ivSecondPersonCheck");
			assertThat(history.get(1).get("key").asString()).isEqualTo("heartRateAbove");
			assertThat(history.get(1).get("changedBy").asString()).isEqualTo("physician");
			assertThat(history.get(1).get("reason").asString()).isEqualTo("Cardiology asked for earlier calls");

			ApiClient.Response alone = api.post(nurse, session + "/administrations",
					Map.of("lot", "KET-9", "doseMg", 35, "startedAt", ago(15), "durationMinutes", 40));
			assertThat(alone.status()).as(alone.body()).isEqualTo(422);
			assertThat(ruleIds(alone)).containsExactly("SECOND_PERSON_CHECK_REQUIRED");
			ApiClient.Response together = api.post(nurse, session + "/administrations",
					Map.of("lot", "KET-9", "doseMg", 35, "startedAt", ago(15), "durationMinutes", 40, "checkedBy", "physician"));
			assertThat(together.status()).as(together.body()).isEqualTo(201);

			ApiClient.Response fast = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(5), "hr", 105));
			assertThat(fast.json().get("alerts").findValuesAsString("code")).as("above the clinic's 100").containsExactly("HEART_RATE_HIGH");
			ApiClient.Response calm = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(4), "hr", 100));
			assertThat(calm.json().get("alerts").size()).as("at the limit is not above it").isZero();
		}
		finally {
			api.put(physician, "/api/v1/clinic-policy/heartRateAbove", Map.of("value", 120, "reason", "Back to the reference"));
			api.put(physician, "/api/v1/clinic-policy/ivSecondPersonCheck", Map.of("value", "NO", "reason", "Back to the reference"));
		}
		ApiClient.Response usual = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(3), "hr", 105));
		assertThat(usual.json().get("alerts").size()).as("back at the reference's 120").isZero();
	}

	@Test
	void anInfusionUnderWayIsDosingWithReadingsDueEvery10Minutes() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Infusing", "IV_KETAMINE");
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IV_KETAMINE", "scheduledStart", ago(30)));
		api.post(nurse, session + "/check-in", checkIn(25, 130, 85));
		ApiClient.Response started = api.post(nurse, session + "/administrations",
				Map.of("lot", "KET-9", "doseMg", 35, "startedAt", ago(15), "durationMinutes", 40));
		assertThat(started.json().get("status").asString()).isEqualTo("DOSING");
		JsonNode view = api.get(nurse, session).json();
		assertThat(view.get("status").asString()).isEqualTo("DOSING");
		assertThat(Instant.parse(view.get("nextVitalsDueAt").asString())).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
		assertThat(view.get("vitalsOverdue").asBoolean()).isTrue();
		api.post(nurse, session + "/vitals", Map.of("takenAt", ago(1), "sbp", 140, "dbp", 88));
		view = api.get(nurse, session).json();
		assertThat(Instant.parse(view.get("nextVitalsDueAt").asString())).isEqualTo(NOW.plus(Duration.ofMinutes(9)));
		assertThat(view.get("vitalsOverdue").asBoolean()).isFalse();
		ApiClient.Response early = api.post(nurse, session + "/discharge",
				Map.of("dischargedAt", NOW.toString(), "escortConfirmed", true, "dissociationResolved", true));
		assertThat(ruleIds(early)).contains("DISCHARGE_INFUSION_ENDED", "DISCHARGE_ALDRETE_SCORE");
		assertThat(api.post(nurse, session + "/note/signature", Map.of()).status()).as("the session is under way").isEqualTo(409);
		assertThat(api.post(nurse, session + "/note/addenda", Map.of("text", "x")).status()).as("nothing signed yet").isEqualTo(409);
		assertThat(api.get(api.token("frontdesk"), session + "/note").status()).isEqualTo(403);
		ApiClient.Response aborted = api.post(nurse, session + "/abort", Map.of("reason", "Patient asked to stop"));
		assertThat(aborted.json().get("status").asString()).isEqualTo("ABORTED");
	}

	@Test
	void spo2AlertsScalesAndSideEffects() throws Exception {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Monitor", "IM_KETAMINE");
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IM_KETAMINE", "scheduledStart", ago(60)));
		api.post(nurse, session + "/check-in", checkIn(50, 120, 80));
		assertThat(api.post(nurse, session + "/administrations", Map.of("lot", "KET-1", "doseMg", 35, "startedAt", ago(45))).status())
			.isEqualTo(201);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(40), "spo2", 91)).json().get("alerts").size()).isZero();
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(39), "spo2", 91, "rr", 8)).json().get("alerts")
			.findValuesAsString("code")).containsExactlyInAnyOrder("SPO2_LOW_SUSTAINED", "RESPIRATORY_RATE_LOW");
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(38), "spo2", 88, "hr", 130)).json().get("alerts")
			.findValuesAsString("code")).containsExactlyInAnyOrder("SPO2_CRITICAL", "HEART_RATE_HIGH");

		assertThat(api.post(nurse, session + "/assessments", Map.of("instrument", "PHQ9", "answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))
			.status()).isEqualTo(400);
		ApiClient.Response moaas = api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(1),
				"completedAt", ago(37)));
		assertThat(moaas.json().get("alerts").findValuesAsString("code")).containsExactly("SEDATION_EMERGENCY");
		assertThat(api.post(nurse, session + "/assessments", Map.of("instrument", "CADSS", "answers", List.of(1, 1))).status())
			.as("CADSS has 23 items").isEqualTo(400);

		ApiClient.Response pain = api.post(nurse, session + "/adverse-events", Map.of("type", "CHEST_PAIN", "severity", "MODERATE",
				"serious", true, "onsetAt", ago(36), "action", "ECG, physician called"));
		assertThat(pain.status()).as(pain.body()).isEqualTo(201);
		assertThat(pain.json().get("alerts").findValuesAsString("severity")).containsExactly("EMERGENCY");
		ApiClient.Response nausea = api.post(nurse, session + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING", "severity", "MILD",
				"serious", false, "onsetAt", ago(35), "outcome", "Resolved"));
		assertThat(nausea.json().get("alerts").size()).isZero();
		assertThat(api.post(nurse, session + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING", "severity", "BAD",
				"serious", false, "onsetAt", ago(35))).status()).isEqualTo(400);

		// Two nurses charting at once: every reading is kept.
		String otherNurse = api.token("nurse");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> posts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int minute = 30 - i;
			posts.add(pool.submit(() -> api.post(nurse, session + "/vitals", Map.of("takenAt", ago(minute), "hr", 70)).status()));
			posts.add(pool.submit(() -> api.post(otherNurse, session + "/vitals", Map.of("takenAt", ago(minute), "hr", 71)).status()));
		}
		for (Future<Integer> post : posts) {
			assertThat(post.get()).isEqualTo(201);
		}
		pool.shutdown();
		JsonNode view = api.get(nurse, session).json();
		assertThat(view.get("vitals").size()).isEqualTo(23);
		assertThat(view.get("adverseEvents").size()).isEqualTo(2);
		assertThat(view.get("scores").findValuesAsString("instrument")).containsExactly("MOAAS");
	}

	@Test
	void theBoardShowsTodaysChairs() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String chair = "Chair-" + System.nanoTime();
		String patient = readyPatient("Board", "IM_KETAMINE");
		String session = createSession(nurse, Map.of("patientId", patient, "route", "IM_KETAMINE", "scheduledStart", ago(2), "chairId", chair));
		api.post(nurse, session + "/check-in", checkIn(2, 120, 80));
		api.post(nurse, session + "/administrations", Map.of("lot", "KET-1", "doseMg", 35, "startedAt", ago(1)));
		api.post(nurse, session + "/vitals", Map.of("takenAt", NOW.toString(), "sbp", 181, "dbp", 90));
		String cancelled = createSession(nurse, Map.of("patientId", patient, "route", "IM_KETAMINE", "scheduledStart", ago(1), "chairId", chair));
		assertThat(api.post(api.token("frontdesk"), cancelled + "/cancel", Map.of("reason", "Double booked")).status()).isEqualTo(200);

		ApiClient.Response board = api.get(api.token("frontdesk"), "/api/v1/board");
		assertThat(board.status()).isEqualTo(200);
		JsonNode seats = chairSessions(api.token("frontdesk"), chair);
		assertThat(seats).isNotNull();
		assertThat(seats.size()).as("the cancelled one is left out").isEqualTo(1);
		assertThat(seats.get(0).get("status").asString()).isEqualTo("MONITORING");
		assertThat(seats.get(0).get("minutesSinceFirstDose").asLong()).isBetween(1L, 3L);
		assertThat(seats.get(0).get("lastVitals").get("sbp").asInt()).isEqualTo(181);
		assertThat(seats.get(0).get("openAlerts").findValuesAsString("code")).containsExactly("BLOOD_PRESSURE_SEVERE");
		assertThat(seats.get(0).get("patientName").asString()).startsWith("Eva Board");
		assertThat(api.get(api.token("patient1"), "/api/v1/board").status()).isEqualTo(403);


		// The page for the wall screen, and the table htmx swaps in every 5 seconds.
		org.ketamineclinic.security.WebSession web = new org.ketamineclinic.security.WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		java.net.http.HttpResponse<String> page = web.get("/board");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Chair board", chair, "181/90", "BLOOD_PRESSURE_SEVERE", "every 5s");
		assertThat(new org.ketamineclinic.security.WebSession(port).signIn("patient1", ApiClient.DEMO_PASSWORD).get("/board").statusCode())
			.isEqualTo(403);

		// An alert stays open until someone records the action taken.
		String alert = session + "/alerts/" + seats.get(0).get("openAlerts").get(0).get("id").asString() + "/acknowledgement";
		assertThat(api.post(nurse, alert, Map.of("action", " ")).status()).isEqualTo(400);
		assertThat(api.post(nurse, session + "/alerts/" + java.util.UUID.randomUUID() + "/acknowledgement", Map.of("action", "x")).status())
			.isEqualTo(404);
		ApiClient.Response acknowledged = api.post(nurse, alert, Map.of("action", "Rechecked after 5 minutes: 150/88; physician informed"));
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
		assertThat(acknowledged.json().get("open").asBoolean()).isFalse();
		assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("nurse");
		assertThat(api.post(api.token("physician"), alert, Map.of("action", "again")).status()).isEqualTo(409);
		JsonNode after = chairSessions(nurse, chair).get(0);
		assertThat(after.get("openAlerts").size()).isZero();
		assertThat(after.get("alertsToday").asInt()).isEqualTo(1);
	}

	@Test
	void rolesAndStaleVersions() {
		api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = readyPatient("Roles", "IM_KETAMINE");
		Map<String, Object> create = Map.of("patientId", patient, "route", "IM_KETAMINE", "scheduledStart", NOW.toString());
		assertThat(api.post(api.token("patient1"), "/api/v1/sessions", create).status()).isEqualTo(403);
		assertThat(api.post(api.token("therapist"), "/api/v1/sessions", create).status()).isEqualTo(403);
		assertThat(api.post(api.token("admin"), "/api/v1/sessions", create).status()).isEqualTo(403);
		assertThat(api.post(null, "/api/v1/sessions", create).status()).isEqualTo(401);
		String session = createSession(api.token("frontdesk"), create);
		for (String user : List.of("frontdesk", "therapist", "patient1", "admin")) {
			String token = api.token(user);
			assertThat(api.get(token, session).status()).as(user).isEqualTo(403);
			assertThat(api.post(token, session + "/check-in", checkIn(5, 120, 80)).status()).as(user).isEqualTo(403);
			assertThat(api.post(token, session + "/vitals", Map.of("takenAt", NOW.toString(), "hr", 70)).status()).as(user).isEqualTo(403);
			assertThat(api.post(token, session + "/discharge", Map.of("dischargedAt", NOW.toString(), "escortConfirmed", true)).status())
				.as(user).isEqualTo(403);
		}
		assertThat(api.get(nurse, "/api/v1/sessions/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		long version = api.get(nurse, session).json().get("version").asLong();
		Map<String, Object> body = checkIn(5, 120, 80);
		body.put("version", version + 1);
		assertThat(api.post(nurse, session + "/check-in", body).status()).as("stale").isEqualTo(409);
		body.put("version", version);
		assertThat(api.post(nurse, session + "/check-in", body).status()).isEqualTo(200);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(10), "hr", 70)).status()).as("before check-in").isEqualTo(400);
		assertThat(api.post(nurse, session + "/cancel", Map.of("reason", " ")).status()).isEqualTo(400);
		assertThat(api.post(nurse, session + "/cancel", Map.of("reason", "Escort left", "version", version)).status()).isEqualTo(409);
		assertThat(api.post(nurse, session + "/cancel", Map.of("reason", "Escort left")).status()).isEqualTo(200);
	}
}
