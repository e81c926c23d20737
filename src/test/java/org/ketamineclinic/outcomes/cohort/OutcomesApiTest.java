package org.ketamineclinic.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.session.DoseAdministered;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The read model filled from real events (course and ratings through the API, doses as the
 * session module publishes them), the contract summary over it, the richer cohort and its roles.
 */
@ClinicIntegrationTest
public class OutcomesApiTest {

	static final List<Integer> BASELINE_34 = List.of(4, 4, 4, 4, 3, 3, 3, 3, 3, 3);

	static final List<Integer> REMITTED_8 = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0, 0);

	static final List<Integer> UNCHANGED_20 = List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2);

	static final int[] INFUSION_DAYS = { 0, 2, 4, 7, 9, 11 };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	/** A course started {@code start}, six infusions of 35 mg, MADRS at baseline and after the sixth; returns the patient id. */
	public static String treatedPatient(ApiClient api, String patient, LocalDate start, List<Integer> endAnswers, JdbcTemplate jdbc,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		ApiClient.Response course = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", start.toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		rate(api, patient, start, BASELINE_34);
		rate(api, patient, start.plusDays(11), endAnswers);
		UUID patientId = UUID.fromString(patient);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM outcomes_cohort_course WHERE patient_id = ?", Integer.class,
					patientId) == 1);
		UUID clinic = jdbc.queryForObject("SELECT clinic_id FROM outcomes_cohort_course WHERE patient_id = ?", UUID.class, patientId);
		transactions.executeWithoutResult(tx -> {
			for (int day : INFUSION_DAYS) {
				events.publishEvent(new DoseAdministered(UUID.randomUUID(), new ClinicId(clinic), patientId, Route.IV_KETAMINE,
						new BigDecimal("35.0"), "LOT-OUT-1", at(start.plusDays(day)), 40, null));
			}
		});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM outcomes_cohort_dose WHERE patient_id = ?", Integer.class,
					patientId) == 6
					&& jdbc.queryForObject("SELECT count(*) FROM outcomes_cohort_rating WHERE patient_id = ? AND instrument = 'MADRS'",
							Integer.class, patientId) == 2);
		return patient;
	}

	static Instant at(LocalDate day) {
		return day.atTime(15, 0).toInstant(ZoneOffset.UTC);
	}

	static void rate(ApiClient api, String patient, LocalDate day, List<Integer> answers) {
		ApiClient.Response rated = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "MADRS", "answers", answers, "completedAt", at(day).toString()));
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
	}

	@Test
	void theContractSummaryCountsCoursesStartedInThePeriodFromTheProjectedEvents() {
		ApiClient api = new ApiClient(port);
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(200);
		String remitted = treatedPatient(api, Courses.approvedPatient(api, "OutRemit", "IV_KETAMINE", "TRD"), start, REMITTED_8, jdbc,
				events, transactions);
		treatedPatient(api, Courses.approvedPatient(api, "OutSame", "IV_KETAMINE", "TRD"), start, UNCHANGED_20, jdbc, events,
				transactions);

		// The course snapshot carries the weight charted before the course (70 kg) for the mg/kg band.
		assertThat(jdbc.queryForObject("SELECT weight_kg FROM outcomes_cohort_course WHERE patient_id = ?", BigDecimal.class,
				UUID.fromString(remitted))).isEqualByComparingTo("70");
		assertThat(jdbc.queryForObject("SELECT induction_sessions FROM outcomes_cohort_course WHERE patient_id = ?", Integer.class,
				UUID.fromString(remitted))).isEqualTo(6);

		// What the listeners judged one event at a time equals a rebuild from the whole read model.
		String judged = "SELECT instrument, treated, sessions, induction_complete, last_session, baseline, end_of_induction, responder,"
				+ " remitter, days_to_response, weeks_in_response, relapsed, dose_band FROM outcomes_cohort_outcome o"
				+ " JOIN outcomes_cohort_course c USING (course_id) WHERE c.patient_id = ? ORDER BY instrument";
		List<Map<String, Object>> incremental = jdbc.queryForList(judged, UUID.fromString(remitted));
		assertThat(incremental).hasSize(3);
		assertThat(incremental).filteredOn(r -> r.get("instrument").equals("MADRS")).singleElement()
			.satisfies(r -> assertThat(r).containsEntry("baseline", 34).containsEntry("end_of_induction", 8).containsEntry("responder", true));
		assertThat(api.post(api.token("admin"), "/api/v1/outcomes/rebuild", Map.of()).status()).isEqualTo(200);
		assertThat(jdbc.queryForList(judged, UUID.fromString(remitted))).isEqualTo(incremental);

		String query = "?instrument=MADRS&from=" + start + "&to=" + start + "&route=IV_KETAMINE";
		ApiClient.Response summary = api.get(api.token("physician"), "/api/v1/outcomes/summary" + query);
		assertThat(summary.status()).as(summary.body()).isEqualTo(200);
		JsonNode json = summary.json();
		assertThat(json.get("instrument").asString()).isEqualTo("MADRS");
		assertThat(json.get("patients").asInt()).isEqualTo(2);
		assertThat(json.get("withBaseline").asInt()).isEqualTo(2);
		assertThat(json.get("responders").asInt()).isEqualTo(1);
		assertThat(json.get("remitters").asInt()).isEqualTo(1);
		assertThat(json.get("responseRate").asDouble()).isEqualTo(0.5);
		assertThat(json.get("remissionRate").asDouble()).isEqualTo(0.5);

		// Another route or period leaves them out.
		assertThat(api.get(api.token("admin"), "/api/v1/outcomes/summary?instrument=MADRS&from=" + start + "&to=" + start
				+ "&route=IN_ESKETAMINE").json().get("patients").asInt()).isZero();
		assertThat(api.get(api.token("admin"), "/api/v1/outcomes/summary?instrument=MADRS&from=" + start.minusDays(1) + "&to="
				+ start.minusDays(1)).json().get("patients").asInt()).isZero();

		ApiClient.Response cohort = api.get(api.token("admin"), "/api/v1/outcomes/cohort" + query);
		assertThat(cohort.status()).as(cohort.body()).isEqualTo(200);
		JsonNode overall = cohort.json().get("overall");
		assertThat(overall.get("medianDaysToResponse").asDouble()).isEqualTo(11.0);
		assertThat(overall.get("dropouts").asInt()).isZero();
		assertThat(cohort.json().get("byDoseBand").get(0).get("group").asString()).isEqualTo("IV_KETAMINE 0.5 mg/kg");
		assertThat(cohort.json().get("byProtocol").get(0).get("group").asString()).isEqualTo("IV_KETAMINE_6_INFUSIONS");
		assertThat(cohort.json().get("references").size()).isPositive();

		// The diagnosis filter: both courses treat TRD (the approved evaluation's indication, since the IV protocol names none).
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/cohort" + query + "&indication=TRD").json().get("overall")
			.get("patients").asInt()).isEqualTo(2);
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/cohort" + query + "&indication=MDSI").json().get("overall")
			.get("patients").asInt()).isZero();
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/cohort" + query + "&indication=GRIEF").status()).isEqualTo(400);

		ApiClient.Response csv = api.get(api.token("physician"), "/api/v1/outcomes/cohort.csv" + query, "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("breakdown,group,patients").contains("\"overall\",\"all\",2,2,2,1,1,0.5,0.5,11.0");
	}

	/** A physician's stop reaches the cohort as an event: the course is a dropout at once, not after three quiet weeks. */
	@Test
	void aStoppedCourseIsADropoutAsSoonAsItIsStopped() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(17);
		String patient = Courses.approvedPatient(api, "OutStopped", "IV_KETAMINE", "TRD");
		ApiClient.Response course = api.post(physician, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", start.toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String query = "/api/v1/outcomes/cohort?instrument=MADRS&from=" + start + "&to=" + start + "&indication=TRD";
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api.get(physician, query).json()
			.get("overall").get("patients").asInt() >= 1);
		int dropoutsBefore = api.get(physician, query).json().get("overall").get("dropouts").asInt();
		ApiClient.Response stopped = api.post(physician, "/api/v1/courses/" + course.json().get("id").asString() + "/stop",
				Map.of("reason", "Moved away", "version", course.json().get("version").asLong()));
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api.get(physician, query).json()
			.get("overall").get("dropouts").asInt() == dropoutsBefore + 1);
		assertThat(jdbc.queryForObject("SELECT stopped_on FROM outcomes_cohort_course WHERE patient_id = ?", java.sql.Date.class,
				UUID.fromString(patient)).toLocalDate()).isEqualTo(LocalDate.now(java.time.ZoneId.of("America/New_York")));
	}

	@Test
	void onlyPhysiciansAndAdministratorsSeeCohortsAndBadFiltersAreRefused() {
		ApiClient api = new ApiClient(port);
		for (String user : List.of("nurse", "therapist", "frontdesk", "patient1")) {
			assertThat(api.get(api.token(user), "/api/v1/outcomes/summary").status()).as(user).isEqualTo(403);
			assertThat(api.get(api.token(user), "/api/v1/outcomes/cohort").status()).as(user).isEqualTo(403);
			assertThat(api.get(api.token(user), "/api/v1/outcomes/cohort.csv", "text/csv").status()).as(user).isEqualTo(403);
		}
		assertThat(api.get(null, "/api/v1/outcomes/summary").status()).isEqualTo(401);
		assertThat(api.post(api.token("physician"), "/api/v1/outcomes/rebuild", Map.of()).status()).isEqualTo(403);
		ApiClient.Response rebuilt = api.post(api.token("admin"), "/api/v1/outcomes/rebuild", Map.of());
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().get("courses").asInt()).isNotNegative();
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/summary?instrument=GAD7").status()).isEqualTo(400);
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/summary?route=ORAL").status()).isEqualTo(400);
		assertThat(api.get(api.token("physician"), "/api/v1/outcomes/summary?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
	}

	static List<String> values(JsonNode node) {
		List<String> out = new ArrayList<>();
		node.properties().forEach(e -> {
			if (e.getValue().isString() && !e.getValue().asString().isBlank()) {
				out.add(e.getValue().asString());
			}
		});
		return out;
	}
}
