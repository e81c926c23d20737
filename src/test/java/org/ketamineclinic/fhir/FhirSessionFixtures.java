package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.Courses;
import tools.jackson.databind.JsonNode;

/**
 * Charts, through the JSON API, what the session, scheduling and course resources are read from: a
 * patient on an IV ketamine course whose first session is finished (a signed order, one infusion
 * from its own lot, a side effect, discharge), plus a booked and a cancelled follow-up appointment.
 * Each call makes a new patient, so tests sharing the application context do not see each other's data.
 */
public final class FhirSessionFixtures {

	static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

	/** What was charted, for the assertions. */
	public record FinishedSession(String patientId, String courseId, String sessionId, String lot, BigDecimal doseMg,
			BigDecimal infusionRateMlPerHour, int infusionMinutes, Instant infusionStart, Instant checkedInAt, Instant dischargedAt,
			Instant sideEffectOnset, String appointmentId, Instant appointmentStart, String cancelledAppointmentId) {
	}

	private FhirSessionFixtures() {
	}

	/** A patient with a finished IV dosing session of an active course, and appointments. */
	public static FinishedSession finishedIvSession(ApiClient api, String familyNamePrefix) {
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		String patient = Courses.approvedPatient(api, familyNamePrefix, "IV_KETAMINE", "TRD");
		consent(api, patient, "IV_KETAMINE", now);
		String lot = "FHIR-KET-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		ApiClient.Response received = api.post(physician, "/api/v1/inventory/receipts", Map.of("product", "KETAMINE_10MG_PER_ML_20ML",
				"lot", lot, "expiry", LocalDate.now().plusYears(1).toString(), "quantity", 10, "supplier", "Wholesaler",
				"invoice", "INV-" + lot));
		assertThat(received.status()).as(received.body()).isEqualTo(201);

		ApiClient.Response course = api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now(CLINIC_ZONE).toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String courseId = course.json().get("id").asString();
		ApiClient.Response session = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "courseId", courseId,
				"scheduledStart", now.minus(Duration.ofMinutes(120)).toString(), "chairId", "Chair-FHIR"));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		String sessionId = session.json().get("id").asString();
		String path = "/api/v1/sessions/" + sessionId;

		Instant checkedInAt = now.minus(Duration.ofMinutes(100));
		Map<String, Object> checkIn = new HashMap<>();
		checkIn.put("checkedInAt", checkedInAt.toString());
		checkIn.put("lastFoodAt", now.minus(Duration.ofMinutes(300)).toString());
		checkIn.put("lastLiquidAt", now.minus(Duration.ofMinutes(180)).toString());
		checkIn.put("escortName", "Sam Ride");
		checkIn.put("escortPhone", "555-0100");
		checkIn.put("vitals", Map.of("sbp", 124, "dbp", 80, "hr", 72, "spo2", 98));
		ApiClient.Response checkedIn = api.post(nurse, path + "/check-in", checkIn);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);

		ApiClient.Response order = api.post(physician, "/api/v1/courses/" + courseId + "/sessions/1/order",
				Map.of("vialConcentrationMgPerMl", 10, "bagVolumeMl", 100));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		BigDecimal dose = order.json().get("doseMg").decimalValue();
		BigDecimal rate = order.json().get("infusionRateMlPerHour").decimalValue();
		int minutes = order.json().get("infusionMinutes").asInt();
		Instant infusionStart = now.minus(Duration.ofMinutes(90));
		ApiClient.Response given = api.post(nurse, path + "/administrations", Map.of("lot", lot, "doseMg", dose,
				"startedAt", infusionStart.toString(), "durationMinutes", minutes, "checkedBy", "physician"));
		assertThat(given.status()).as(given.body()).isEqualTo(201);

		Instant onset = now.minus(Duration.ofMinutes(30));
		ApiClient.Response sideEffect = api.post(nurse, path + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING",
				"severity", "MILD", "serious", false, "onsetAt", onset.toString(), "outcome", "Resolved with ondansetron"));
		assertThat(sideEffect.status()).as(sideEffect.body()).isEqualTo(201);
		ApiClient.Response vitals = api.post(nurse, path + "/vitals", Map.of("takenAt", now.minus(Duration.ofMinutes(20)).toString(),
				"sbp", 128, "dbp", 82, "hr", 70, "spo2", 98));
		assertThat(vitals.status()).as(vitals.body()).isEqualTo(201);
		ApiClient.Response aldrete = api.post(nurse, path + "/assessments", Map.of("instrument", "ALDRETE",
				"answers", java.util.List.of(2, 2, 2, 2, 2), "completedAt", now.minus(Duration.ofMinutes(10)).toString()));
		assertThat(aldrete.status()).as(aldrete.body()).isEqualTo(201);
		// Whole 200 mg vials are opened: the rest is wasted under witness before the patient may leave.
		BigDecimal vial = BigDecimal.valueOf(200);
		BigDecimal opened = dose.divide(vial, 0, RoundingMode.CEILING).multiply(vial);
		if (opened.compareTo(dose) > 0) {
			ApiClient.Response wasted = api.post(nurse, "/api/v1/inventory/wastes", Map.of("product", "KETAMINE_10MG_PER_ML_20ML",
					"lot", lot, "amountMg", opened.subtract(dose), "witnessUsername", "physician",
					"witnessPassword", ApiClient.DEMO_PASSWORD, "sessionId", sessionId));
			assertThat(wasted.status()).as(wasted.body()).isEqualTo(201);
		}
		Instant dischargedAt = now.minus(Duration.ofMinutes(5));
		ApiClient.Response discharged = api.post(nurse, path + "/discharge", Map.of("dischargedAt", dischargedAt.toString(),
				"escortConfirmed", true, "dissociationResolved", true));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);

		String frontDesk = api.token("frontdesk");
		JsonNode followUp = book(api, frontDesk, patient);
		JsonNode toCancel = book(api, frontDesk, patient);
		ApiClient.Response cancelled = api.post(frontDesk, "/api/v1/appointments/" + toCancel.get("id").asString() + "/cancel",
				Map.of("reason", "Patient asked to move it", "version", toCancel.get("version").asLong()));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

		return new FinishedSession(patient, courseId, sessionId, lot, dose, rate, minutes, infusionStart, checkedInAt, dischargedAt,
				onset, followUp.get("id").asString(), Instant.parse(followUp.get("start").asString()), toCancel.get("id").asString());
	}

	/** An esketamine session under way (no course): two 28 mg devices given five minutes apart, the patient still in the chair. */
	public record EsketamineSession(String patientId, String sessionId, String lot, Instant firstDevice) {
	}

	public static EsketamineSession esketamineSessionInChair(ApiClient api, String familyNamePrefix) {
		String nurse = api.token("nurse");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String patient = Courses.approvedPatient(api, familyNamePrefix, "IN_ESKETAMINE", "TRD");
		consent(api, patient, "IN_ESKETAMINE", now);
		ApiClient.Response enrolled = api.post(nurse, "/api/v1/patients/" + patient + "/rems-enrollment",
				Map.of("enrolledOn", LocalDate.now(CLINIC_ZONE).minusDays(1).toString()));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String lot = "FHIR-ESK-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		ApiClient.Response received = api.post(api.token("physician"), "/api/v1/inventory/receipts", Map.of("product",
				"ESKETAMINE_28MG_DEVICE", "lot", lot, "expiry", LocalDate.now().plusYears(1).toString(), "quantity", 6,
				"supplier", "Wholesaler", "invoice", "INV-" + lot));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		ApiClient.Response session = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"plannedDoseMg", 56, "scheduledStart", now.minus(Duration.ofMinutes(40)).toString()));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		String sessionId = session.json().get("id").asString();
		String path = "/api/v1/sessions/" + sessionId;
		Map<String, Object> checkIn = new HashMap<>();
		checkIn.put("checkedInAt", now.minus(Duration.ofMinutes(35)).toString());
		checkIn.put("lastFoodAt", now.minus(Duration.ofMinutes(300)).toString());
		checkIn.put("lastLiquidAt", now.minus(Duration.ofMinutes(180)).toString());
		checkIn.put("escortName", "Sam Ride");
		checkIn.put("escortPhone", "555-0100");
		checkIn.put("vitals", Map.of("sbp", 122, "dbp", 78, "hr", 70, "spo2", 98));
		ApiClient.Response checkedIn = api.post(nurse, path + "/check-in", checkIn);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		Instant first = now.minus(Duration.ofMinutes(30));
		for (int device = 1; device <= 2; device++) {
			ApiClient.Response given = api.post(nurse, path + "/administrations", Map.of("lot", lot, "doseMg", 28,
					"startedAt", first.plus(Duration.ofMinutes(5L * (device - 1))).toString(), "deviceNumber", device));
			assertThat(given.status()).as(given.body()).isEqualTo(201);
		}
		return new EsketamineSession(patient, sessionId, lot, first);
	}

	static void consent(ApiClient api, String patient, String route, Instant now) {
		String nurse = api.token("nurse");
		for (JsonNode document : api.get(nurse, "/api/v1/consent-documents?route=" + route).json()) {
			ApiClient.Response signed = api.post(nurse, "/api/v1/patients/" + patient + "/consents",
					Map.of("documentCode", document.get("code").asString(), "version", document.get("version").asInt(),
							"signedAt", now.minus(Duration.ofDays(1)).toString(), "signerName", "Eva Patient"));
			assertThat(signed.status()).as(signed.body()).isEqualTo(201);
			assertThat(api.post(api.token("physician"), "/api/v1/consents/" + signed.json().get("id").asString() + "/countersign",
					Map.of()).status()).isEqualTo(200);
		}
	}

	/**
	 * A follow-up on a random weekday years ahead, so the one physician is free; another time is
	 * tried when someone else's booking is there.
	 */
	static JsonNode book(ApiClient api, String token, String patient) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 20; attempt++) {
			LocalDate day = LocalDate.of(2030 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
			if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				continue;
			}
			Instant start = day.atTime(LocalTime.of(9 + random.nextInt(6), 20 * random.nextInt(3))).atZone(CLINIC_ZONE).toInstant();
			ApiClient.Response booked = api.post(token, "/api/v1/appointments", Map.of("patientId", patient, "type", "FOLLOW_UP",
					"start", start.toString()));
			if (booked.status() == 201) {
				return booked.json();
			}
			assertThat(booked.status()).as(booked.body()).isIn(400, 409, 422);
		}
		throw new IllegalStateException("no free follow-up time found for the fixture");
	}
}
