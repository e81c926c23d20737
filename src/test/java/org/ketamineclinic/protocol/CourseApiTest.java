package org.ketamineclinic.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.ketamineclinic.support.EvaluationCharts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Treatment courses over real HTTP: the evaluation gate, planned sessions, signed orders, titration, phases. */
@ClinicIntegrationTest
class CourseApiTest {

	@LocalServerPort
	int port;

	@Test
	void aPatientWithoutAnApprovedEvaluationCannotStartACourse() {
		ApiClient api = new ApiClient(port);
		String patient = EvaluationCharts.complete(api, "Unapproved");
		ApiClient.Response refused = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("findings").findValuesAsString("ruleId")).containsExactly("APPROVED_EVALUATION_REQUIRED");

		// An approval for another route does not count either.
		Courses.approve(api, patient, "IM_KETAMINE", "TRD");
		assertThat(api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01")).status()).isEqualTo(422);
		assertThat(api.get(api.token("physician"), "/api/v1/patients/" + patient + "/courses").json().size()).isZero();
	}

	@Test
	void anIvCoursePlansSixInfusionsInTwoToThreeWeeks() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "IvPlan", "IV_KETAMINE", "TRD");
		ApiClient.Response created = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-11-30"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode course = created.json();
		assertThat(course.get("protocol").asString()).isEqualTo("IV_KETAMINE_6_INFUSIONS");
		JsonNode sessions = course.get("plannedSessions");
		assertThat(sessions.size()).isEqualTo(9);
		assertThat(sessions.get(0).get("earliestDate").asString()).isEqualTo("2026-11-30");
		assertThat(sessions.get(0).get("latestDate").asString()).isEqualTo("2026-12-02");
		assertThat(sessions.get(0).get("doseMgPerKg").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(sessions.get(5).get("phase").asString()).isEqualTo("INDUCTION");
		assertThat(sessions.get(5).get("earliestDate").asString()).isEqualTo("2026-12-11");
		assertThat(sessions.get(5).get("latestDate").asString()).isEqualTo("2026-12-20");
		assertThat(sessions.get(6).get("phase").asString()).isEqualTo("MAINTENANCE");

		// One active course at a time.
		ApiClient.Response second = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01"));
		assertThat(second.status()).as(second.body()).isEqualTo(409);
		// Only a physician starts a course.
		assertThat(api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01")).status()).isEqualTo(403);
	}

	@Test
	void startDoseMustBeAStepInTheProtocolsUnit() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "BadDose", "IV_KETAMINE", "TRD");
		String path = "/api/v1/patients/" + patient + "/courses";
		ApiClient.Response aboveMax = api.post(api.token("physician"), path,
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01", "doseMgPerKg", 1.5));
		assertThat(aboveMax.status()).isEqualTo(400);
		assertThat(aboveMax.json().get("errors").findValuesAsString("field")).containsExactly("doseMgPerKg");
		ApiClient.Response mg = api.post(api.token("physician"), path,
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01", "doseMg", 35));
		assertThat(mg.status()).isEqualTo(400);
		ApiClient.Response unknown = api.post(api.token("physician"), path, Map.of("protocol", "NO_SUCH", "startDate", "2026-12-01"));
		assertThat(unknown.status()).isEqualTo(400);
		ApiClient.Response ok = api.post(api.token("physician"), path,
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01", "doseMgPerKg", 0.75));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(ok.json().get("currentDose").decimalValue()).isEqualByComparingTo("0.75");
	}

	@Test
	void fromSignedOrdersThroughTitrationToMaintenance() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		String nurse = api.token("nurse");
		String patient = Courses.approvedPatient(api, "Titrate", "IV_KETAMINE", "TRD");
		Instant now = Instant.now();
		// Baseline PHQ-9 of 20 two weeks ago; the chart's PHQ-9 of 17 recorded today is the rating after it (-15%: no response).
		assertThat(api.post(nurse, "/api/v1/patients/" + patient + "/assessments", Map.of("instrument", "PHQ9", "answers",
				List.of(3, 3, 2, 2, 2, 2, 3, 2, 1), "completedAt", now.minus(Duration.ofDays(14)).toString())).status())
			.isEqualTo(201);
		JsonNode course = api.post(physician, "/api/v1/patients/" + patient + "/courses", Map.of("protocol",
				"IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().minusDays(13).toString())).json();
		String path = "/api/v1/courses/" + course.get("id").asString();

		ApiClient.Response order = api.post(physician, path + "/sessions/1/order",
				Map.of("vialConcentrationMgPerMl", 10, "bagVolumeMl", 100));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().get("doseMg").decimalValue()).isEqualByComparingTo("35");
		assertThat(order.json().get("infusionMinutes").asInt()).isEqualTo(40);
		assertThat(order.json().get("infusionRateMlPerHour").decimalValue()).isEqualByComparingTo("150");
		assertThat(order.json().get("signedBy").asString()).isEqualTo("physician");
		assertThat(order.json().get("signatureIntact").asBoolean()).isTrue();
		assertThat(api.post(physician, path + "/sessions/1/order", Map.of()).status()).isEqualTo(409);
		assertThat(api.post(nurse, path + "/sessions/2/order", Map.of()).status()).isEqualTo(403);

		// A session needs a signed order; session 2 cannot be recorded before session 1; session 1 needs the ordered dose.
		ApiClient.Response unsigned = outcome(api, path, 2, now.minus(Duration.ofDays(12)), 35, false);
		assertThat(unsigned.status()).isEqualTo(422);
		assertThat(unsigned.json().get("findings").findValuesAsString("ruleId")).containsExactly("SIGNED_ORDER_REQUIRED");
		assertThat(api.post(physician, path + "/sessions/2/order", Map.of()).status()).isEqualTo(201);
		assertThat(outcome(api, path, 2, now.minus(Duration.ofDays(12)), 35, false).status()).isEqualTo(409);
		assertThat(outcome(api, path, 1, now.minus(Duration.ofDays(12)), 40, false).status()).isEqualTo(400);
		for (int n = 1; n <= 3; n++) {
			if (n > 2) {
				assertThat(api.post(physician, path + "/sessions/" + n + "/order", Map.of()).status()).isEqualTo(201);
			}
			ApiClient.Response given = outcome(api, path, n, now.minus(Duration.ofDays(14 - 2L * n)), 35, false);
			assertThat(given.status()).as(given.body()).isEqualTo(200);
		}
		JsonNode afterThree = api.get(physician, path).json();
		JsonNode suggestion = afterThree.get("titrationSuggestion");
		assertThat(suggestion.get("rule").asString()).isEqualTo("TITRATE_UP_NO_RESPONSE");
		assertThat(suggestion.get("fromDose").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(suggestion.get("toDose").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(afterThree.get("currentDose").decimalValue()).as("nothing changes before confirmation").isEqualByComparingTo("0.5");
		assertThat(afterThree.get("response").get("status").asString()).isEqualTo("NOT_RESPONDING");

		// Session 4 was signed at 0.5 before the titration: confirming voids it and plans 0.75.
		assertThat(api.post(physician, path + "/sessions/4/order", Map.of()).status()).isEqualTo(201);
		assertThat(api.post(nurse, path + "/titrations", Map.of("toDose", 0.75)).status()).isEqualTo(403);
		assertThat(api.post(physician, path + "/titrations", Map.of("toDose", 0.75, "version", 0)).status()).isEqualTo(409);
		ApiClient.Response confirmed = api.post(physician, path + "/titrations",
				Map.of("toDose", 0.75, "version", afterThree.get("version").asLong()));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode titrated = confirmed.json();
		assertThat(titrated.get("currentDose").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(titrated.get("titrationSuggestion").isNull()).isTrue();
		assertThat(titrated.get("plannedSessions").get(3).get("doseMgPerKg").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(titrated.get("plannedSessions").get(3).get("order").isNull()).isTrue();
		assertThat(titrated.get("plannedSessions").get(0).get("doseMgPerKg").decimalValue()).isEqualByComparingTo("0.5");
		JsonNode decision = last(titrated.get("decisions"));
		assertThat(decision.get("kind").asString()).isEqualTo("TITRATION_CONFIRMED");
		assertThat(decision.get("decidedBy").asString()).isEqualTo("physician");
		assertThat(decision.get("reason").asString()).contains("No response after 3 tolerated sessions");
		// A manual change away from the suggestion needs a reason.
		assertThat(api.post(physician, path + "/titrations", Map.of("toDose", 1.0)).status()).isEqualTo(400);

		// Severe dissociation at 0.75: the advice is to step down; the physician dismisses it with a reason.
		assertThat(api.post(physician, path + "/sessions/4/order", Map.of()).json().get("doseMg").decimalValue())
			.isEqualByComparingTo("52.5");
		assertThat(outcome(api, path, 4, now.minus(Duration.ofDays(6)), 52.5, true).status()).isEqualTo(200);
		JsonNode down = api.get(physician, path).json().get("titrationSuggestion");
		assertThat(down.get("rule").asString()).isEqualTo("TITRATE_DOWN_FOR_TOLERABILITY");
		assertThat(down.get("toDose").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(api.post(physician, path + "/titration-dismissals", Map.of()).status()).isEqualTo(400);
		ApiClient.Response dismissed = api.post(physician, path + "/titration-dismissals",
				Map.of("reason", "Dissociation settled within 20 minutes; patient wants to continue"));
		assertThat(dismissed.status()).isEqualTo(200);
		assertThat(dismissed.json().get("titrationSuggestion").isNull()).isTrue();
		assertThat(last(dismissed.json().get("decisions")).get("kind").asString()).isEqualTo("TITRATION_DISMISSED");

		// The response check waits for the last induction sessions.
		assertThat(api.post(physician, path + "/response-check", Map.of("decision", "START_MAINTENANCE", "note", "x")).status())
			.isEqualTo(409);
		for (int n = 5; n <= 6; n++) {
			assertThat(api.post(physician, path + "/sessions/" + n + "/order", Map.of()).status()).isEqualTo(201);
			assertThat(outcome(api, path, n, now.minus(Duration.ofDays(14 - 2L * n)), 52.5, false).status()).isEqualTo(200);
		}
		JsonNode due = api.get(physician, path).json();
		assertThat(due.get("responseCheckDue").asBoolean()).isTrue();
		// A maintenance session cannot be given before the check.
		assertThat(outcome(api, path, 7, now.minus(Duration.ofMinutes(30)), 52.5, false).status()).isIn(409, 422);
		ApiClient.Response noNote = api.post(physician, path + "/response-check", Map.of("decision", "START_MAINTENANCE"));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body()).contains("NOT_RESPONDING");
		ApiClient.Response checked = api.post(physician, path + "/response-check",
				Map.of("decision", "START_MAINTENANCE", "note", "Partial benefit reported by the patient; continue and reassess"));
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		JsonNode maintenance = checked.json();
		assertThat(maintenance.get("phase").asString()).isEqualTo("MAINTENANCE");
		assertThat(maintenance.get("maintenanceFrequency").asString()).isEqualTo("EVERY_4_WEEKS");
		assertThat(maintenance.get("decisions").findValuesAsString("kind")).containsSubsequence("RESPONSE_CHECK", "MAINTENANCE_STARTED");

		// Maintenance frequency changes carry a reason and replan the sessions ahead.
		assertThat(api.post(physician, path + "/maintenance-frequency", Map.of("frequency", "EVERY_2_WEEKS")).status())
			.isEqualTo(400);
		assertThat(api.post(physician, path + "/maintenance-frequency", Map.of("frequency", "DAILY", "reason", "x")).status())
			.isEqualTo(400);
		ApiClient.Response changed = api.post(physician, path + "/maintenance-frequency",
				Map.of("frequency", "EVERY_2_WEEKS", "reason", "Symptoms return after about 3 weeks"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode replanned = changed.json();
		assertThat(replanned.get("maintenanceFrequency").asString()).isEqualTo("EVERY_2_WEEKS");
		List<JsonNode> planned = new ArrayList<>();
		replanned.get("plannedSessions").forEach(s -> {
			if (s.get("status").asString().equals("PLANNED")) {
				planned.add(s);
			}
		});
		assertThat(planned).hasSize(3);
		LocalDate first = LocalDate.parse(planned.get(0).get("earliestDate").asString());
		LocalDate second = LocalDate.parse(planned.get(1).get("earliestDate").asString());
		assertThat(second).isEqualTo(first.plusDays(14));
		assertThat(last(replanned.get("decisions")).get("reason").asString()).isEqualTo("Symptoms return after about 3 weeks");
	}

	@Test
	void anIvDoseAboveOneMgPerKgIsAHardStopUntilAPhysicianOverridesWithAReason() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		String patient = Courses.approvedPatient(api, "HardStop", "IV_KETAMINE", "TRD");
		String path = "/api/v1/courses/" + api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString())).json().get("id").asString();
		ApiClient.Response blocked = api.post(physician, path + "/sessions/1/order", Map.of("doseMgPerKg", 1.2));
		assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
		assertThat(blocked.json().get("findings").findValuesAsString("ruleId")).containsExactly("IV_DOSE_ABOVE_1_MG_PER_KG");
		ApiClient.Response preview = api.post(physician, path + "/sessions/1/dose-preview", Map.of("doseMgPerKg", 1.2));
		assertThat(preview.json().get("calculation").get("hardStop").asBoolean()).isTrue();
		assertThat(preview.json().get("calculation").get("warnings").findValuesAsString("code")).contains("ABOVE_PROTOCOL_MAXIMUM");
		ApiClient.Response overridden = api.post(physician, path + "/sessions/1/order",
				Map.of("doseMgPerKg", 1.2, "overrideReason", "Partial response at 1.0 mg/kg, tolerated well; anaesthetist present"));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
		assertThat(overridden.json().get("hardStop").asBoolean()).isTrue();
		assertThat(overridden.json().get("doseMg").decimalValue()).isEqualByComparingTo("84");
		assertThat(overridden.json().get("overrideReason").asString()).startsWith("Partial response");

		// Void it with a reason and sign the planned dose instead.
		String orderId = overridden.json().get("id").asString();
		assertThat(api.post(physician, path + "/orders/" + orderId + "/void", Map.of()).status()).isEqualTo(400);
		ApiClient.Response voided = api.post(physician, path + "/orders/" + orderId + "/void", Map.of("reason", "Reconsidered"));
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("orders").get(0).get("voidReason").asString()).isEqualTo("Reconsidered");
		assertThat(api.post(physician, path + "/sessions/1/order", Map.of()).json().get("doseMg").decimalValue())
			.isEqualByComparingTo("35");
	}

	@Test
	void esketamineTrdFollowsTheLabelSchedule() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		String patient = Courses.approvedPatient(api, "EskLabel", "IN_ESKETAMINE", "TRD");
		ApiClient.Response created = api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "ESKETAMINE_TRD_LABEL", "startDate", "2027-01-28"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode sessions = created.json().get("plannedSessions");
		assertThat(sessions.size()).isEqualTo(16);
		assertThat(sessions.get(0).get("doseMg").decimalValue()).isEqualByComparingTo("56");
		// Twice weekly in weeks 1-4 across the end of January and February.
		assertThat(List.of(sessions.get(1).get("earliestDate").asString(), sessions.get(1).get("latestDate").asString()))
			.containsExactly("2027-01-31", "2027-02-03");
		assertThat(sessions.get(7).get("latestDate").asString()).isEqualTo("2027-02-24");
		assertThat(sessions.get(8).get("phase").asString()).isEqualTo("MAINTENANCE");
		assertThat(sessions.get(8).get("earliestDate").asString()).isEqualTo("2027-02-25");
		assertThat(sessions.get(12).get("earliestDate").asString()).isEqualTo("2027-03-25");
		assertThat(sessions.get(12).get("latestDate").asString()).isEqualTo("2027-04-07");

		String path = "/api/v1/courses/" + created.json().get("id").asString();
		JsonNode order = api.post(physician, path + "/sessions/1/order", Map.of()).json();
		assertThat(order.get("devices").asInt()).isEqualTo(2);
		// 84 mg at the first session: the label's 56 mg start is missing.
		api.post(physician, path + "/orders/" + order.get("id").asString() + "/void", Map.of("reason", "Try 84"));
		JsonNode eighty = api.post(physician, path + "/sessions/1/order", Map.of("doseMg", 84)).json();
		assertThat(eighty.get("warnings").findValuesAsString("code")).containsExactly("ESKETAMINE_84_WITHOUT_56");
		assertThat(api.post(physician, path + "/sessions/2/order", Map.of("doseMgPerKg", 0.5)).status()).isEqualTo(400);
	}

	@Test
	void builtInProtocolsAreCopiedNotEdited() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		JsonNode all = api.get(physician, "/api/v1/protocols").json();
		assertThat(all.findValuesAsString("code")).contains("IV_KETAMINE_6_INFUSIONS", "IM_KETAMINE_6_INJECTIONS",
				"ESKETAMINE_TRD_LABEL", "ESKETAMINE_MDSI_LABEL");
		JsonNode iv = api.get(physician, "/api/v1/protocols/IV_KETAMINE_6_INFUSIONS").json();
		assertThat(iv.get("builtIn").asBoolean()).isTrue();
		assertThat(iv.get("infusionMinutes").asInt()).isEqualTo(40);
		assertThat(iv.get("startDose").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(iv.get("induction").get(0).get("sessions").asInt()).isEqualTo(6);

		Map<String, Object> edit = new HashMap<>(definition("IV_KETAMINE_6_INFUSIONS"));
		ApiClient.Response refused = api.put(physician, "/api/v1/protocols/IV_KETAMINE_6_INFUSIONS", edit);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("copy");

		String code = "IV_WEEKLY_" + (System.nanoTime() % 100000);
		ApiClient.Response copy = api.post(physician, "/api/v1/protocols/IV_KETAMINE_6_INFUSIONS/copies",
				Map.of("code", code, "name", "IV, our weekly variant"));
		assertThat(copy.status()).as(copy.body()).isEqualTo(201);
		assertThat(copy.json().get("builtIn").asBoolean()).isFalse();
		assertThat(copy.json().get("copiedFrom").asString()).isEqualTo("IV_KETAMINE_6_INFUSIONS");
		assertThat(api.post(physician, "/api/v1/protocols/IV_KETAMINE_6_INFUSIONS/copies",
				Map.of("code", code, "name", "again")).status()).isEqualTo(409);
		assertThat(api.post(api.token("nurse"), "/api/v1/protocols/IV_KETAMINE_6_INFUSIONS/copies",
				Map.of("code", code + "_N", "name", "nurse")).status()).isEqualTo(403);

		Map<String, Object> update = new HashMap<>(definition(code));
		update.put("infusionMinutes", 60);
		update.put("version", 0);
		ApiClient.Response updated = api.put(physician, "/api/v1/protocols/" + code, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("infusionMinutes").asInt()).isEqualTo(60);
		assertThat(updated.json().get("version").asLong()).isEqualTo(1);
		assertThat(api.put(physician, "/api/v1/protocols/" + code, update).status()).as("stale version").isEqualTo(409);

		Map<String, Object> bad = new HashMap<>(definition("BAD_" + code));
		bad.put("titrationSteps", List.of(0.5, 1.5));
		bad.put("infusionMinutes", null);
		ApiClient.Response invalid = api.post(physician, "/api/v1/protocols", bad);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("titrationSteps[1]", "infusionMinutes");
		assertThat(api.get(physician, "/api/v1/protocols/BAD_" + code).status()).isEqualTo(404);
	}

	@Test
	void ofConcurrentSignaturesForOneSessionExactlyOneWins() throws Exception {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		String patient = Courses.approvedPatient(api, "Race", "IV_KETAMINE", "TRD");
		String path = "/api/v1/courses/" + api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString())).json().get("id").asString();
		int attempts = 12;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < attempts; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return api.post(physician, path + "/sessions/1/order", Map.of()).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (java.util.concurrent.Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(attempts - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(api.get(physician, path).json().get("orders").size()).isEqualTo(1);
	}

	private static Map<String, Object> definition(String code) {
		Map<String, Object> form = new HashMap<>();
		form.put("code", code);
		form.put("name", "IV protocol");
		form.put("route", "IV_KETAMINE");
		form.put("indication", "TRD");
		form.put("doseUnit", "MG_PER_KG");
		form.put("startDose", 0.5);
		form.put("titrationSteps", List.of(0.5, 0.75, 1.0));
		form.put("infusionMinutes", 40);
		form.put("induction", List.of(Map.of("sessions", 6, "minDaysBetween", 2, "fastestDays", 14, "slowestDays", 21)));
		form.put("maintenance", List.of(Map.of("sessions", 3, "minDaysBetween", 14, "fastestDays", 84, "slowestDays", 84)));
		form.put("maintenanceFrequencies", List.of("EVERY_4_WEEKS"));
		return form;
	}

	private static ApiClient.Response outcome(ApiClient api, String path, int number, Instant givenAt, double doseMg,
			boolean severeDissociation) {
		return api.post(api.token("nurse"), path + "/sessions/" + number + "/outcome", Map.of("givenAt", givenAt.toString(),
				"doseMg", doseMg, "severeDissociation", severeDissociation, "bloodPressureAlert", false));
	}

	private static JsonNode last(JsonNode array) {
		return array.get(array.size() - 1);
	}
}
