package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketamineclinic.support.ApiClient;

/**
 * Every endpoint of the patient API and the audit check against every role, as PatientPermissions
 * defines them. Each cell of the table below is its own test case.
 *
 * <p>{@code PATIENT own} is a patient account calling about its own record; {@code PATIENT other}
 * the same account calling about another patient of the clinic ("-" where the path names no
 * record). Staff columns act on a fresh patient of their own clinic.
 */
class PatientApiRoleMatrixTest extends SecurityTest {

	static final String MATRIX = """
			endpoint                                         | ADMIN | PHYSICIAN | NURSE | THERAPIST | FRONT_DESK | PATIENT own | PATIENT other
			POST /api/v1/patients                            |  403  |    201    |  201  |    403    |    201     |     403     |      -
			GET  /api/v1/patients?query=test                 |  403  |    200    |  200  |    200    |    200     |     403     |      -
			GET  /api/v1/patients/{id}                       |  403  |    200    |  200  |    200    |    200     |     200     |     404
			PUT  /api/v1/patients/{id}                       |  403  |    200    |  200  |    403    |    200     |     403     |     403
			POST /api/v1/patients/{id}/void                  |  403  |    200    |  403  |    403    |    200     |     403     |     403
			GET  /api/v1/patients/{id}/chart                 |  403  |    200    |  200  |    200    |    200     |     200     |     404
			GET  /api/v1/patients/{id}/measurements          |  403  |    200    |  200  |    200    |    200     |     200     |     404
			POST /api/v1/patients/{id}/measurements          |  403  |    201    |  201  |    403    |    403     |     403     |     403
			POST /api/v1/patients/{id}/conditions            |  403  |    201    |  403  |    403    |    403     |     403     |     403
			POST /api/v1/patients/{id}/history-findings      |  403  |    201    |  201  |    403    |    403     |     403     |     403
			POST /api/v1/patients/{id}/medications           |  403  |    201    |  201  |    403    |    403     |     403     |     403
			POST /api/v1/patients/{id}/antidepressant-trials |  403  |    201    |  201  |    403    |    403     |     403     |     403
			PUT  /api/v1/patients/{id}/responsible-physician |  403  |    200    |  200  |    403    |    403     |     403     |     403
			POST /api/v1/patients/{id}/assessments           |  403  |    201    |  201  |    201    |    403     |     201     |     404
			GET  /api/v1/patients/{id}/assessments           |  403  |    200    |  200  |    200    |    403     |     200     |     404
			GET  /api/v1/patients/{id}/response?instrument=PHQ9 | 403 |    200    |  200  |    200    |    403     |     200     |     404
			POST /api/v1/patients/{id}/measure-schedules     |  403  |    201    |  201  |    201    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/measure-schedules     |  403  |    200    |  200  |    200    |    403     |     200     |     404
			GET  /api/v1/measures/overdue                    |  403  |    200    |  200  |    200    |    200     |     403     |      -
			GET  /api/v1/alerts                              |  403  |    200    |  200  |    200    |    403     |     403     |      -
			POST /api/v1/patients/{id}/evaluations           |  403  |    201    |  201  |    403    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/evaluations           |  403  |    200    |  200  |    200    |    403     |     403     |     403
			POST /api/v1/patients/{id}/courses               |  403  |    422    |  403  |    403    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/courses               |  403  |    200    |  200  |    200    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/appointments         |  403  |    200    |  200  |    200    |    200     |     403     |     403
			GET  /api/v1/patients/{id}/sessions             |  403  |    200    |  200  |    403    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/waitlist              |  403  |    200    |  200  |    200    |    200     |     200     |     404
			POST /api/v1/patients/{id}/therapy-sessions      |  403  |    201    |  403  |    201    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/therapy-sessions      |  403  |    200    |  403  |    200    |    403     |     403     |     403
			GET  /api/v1/patients/{id}/journal               |  403  |    200    |  403  |    200    |    403     |     403     |     403
			GET  /api/v1/therapy/integration-due             |  403  |    200    |  403  |    200    |    403     |     403     |      -
			GET  /api/v1/patients/{id}/trajectory            |  403  |    200    |  200  |    200    |    403     |     403     |     403
			GET  /api/v1/relapse-alerts                      |  403  |    200    |  200  |    200    |    403     |     403     |      -
			GET  /api/v1/audit/verify                        |  200  |    403    |  403  |    403    |    403     |     403     |      -
			""";

	/** Who calls: a demo staff account, or the test's own patient account. */
	enum Caller {
		ADMIN("admin"), PHYSICIAN("physician"), NURSE("nurse"), THERAPIST("therapist"), FRONT_DESK("frontdesk"),
		PATIENT_OWN(null), PATIENT_OTHER(null);

		final String demoUsername;

		Caller(String demoUsername) {
			this.demoUsername = demoUsername;
		}

		@Override
		public String toString() {
			return switch (this) {
				case PATIENT_OWN -> "PATIENT (own record)";
				case PATIENT_OTHER -> "PATIENT (another patient's record)";
				default -> name();
			};
		}
	}

	/** A patient account shared by the PATIENT cases; every write it tries is expected to be refused. */
	private static SecurityFixtures.PatientAccount patientAccount;

	static Stream<Arguments> matrix() {
		List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
		List<Arguments> cases = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split("\\|");
			String[] endpoint = cells[0].strip().split("\\s+");
			for (Caller caller : Caller.values()) {
				String expected = cells[caller.ordinal() + 1].strip();
				if (!expected.equals("-")) {
					cases.add(Arguments.of(endpoint[0], endpoint[1], caller, Integer.parseInt(expected)));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} as {2} → {3}")
	@MethodSource("matrix")
	void answersExactlyAsThePermissionsSay(String method, String pathTemplate, Caller caller, int expected) {
		UUID target = pathTemplate.contains("{id}")
				? caller == Caller.PATIENT_OWN ? patientAccount(fixtures).patientId() : fixtures.registerPatient() : null;
		String token = caller.demoUsername != null ? fixtures.token(caller.demoUsername) : patientAccount(fixtures).token();
		String path = target == null ? pathTemplate : pathTemplate.replace("{id}", target.toString());

		ApiClient.Response response = switch (method) {
			case "GET" -> fixtures.api.get(token, path);
			case "POST" -> fixtures.api.post(token, path, bodyFor(pathTemplate));
			case "PUT" -> fixtures.api.put(token, path, bodyFor(pathTemplate));
			default -> throw new IllegalArgumentException(method);
		};

		assertThat(response.status()).as("%s %s as %s: %s", method, pathTemplate, caller, response.body()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		else if (target != null && pathTemplate.endsWith("{id}")) {
			assertThat(response.json().get("id").asString()).isEqualTo(target.toString());
		}
	}

	/** A body the endpoint accepts, so that a refusal can only come from the caller's role or visibility. */
	private static Object bodyFor(String pathTemplate) {
		String endpoint = pathTemplate.substring(pathTemplate.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		return switch (endpoint) {
			case "patients" -> SecurityFixtures.demographics("Matrix", SecurityFixtures.uniqueFamilyName());
			case "{id}" -> {
				Map<String, Object> corrected = new HashMap<>(SecurityFixtures.demographics("Corrected", "Testpatient"));
				corrected.put("version", 0);
				yield corrected;
			}
			case "void" -> Map.of("reason", "Registered twice by mistake", "version", 0);
			case "measurements" -> Map.of("weightKg", 82.5, "heightCm", 171);
			case "conditions" -> Map.of("code", "F33.2", "system", "ICD10", "display", "Major depressive disorder, recurrent, severe");
			case "history-findings" -> Map.of("finding", "UNCONTROLLED_HYPERTENSION", "status", "PAST");
			case "medications" -> Map.of("name", "Sertraline", "dose", "100 mg daily");
			case "antidepressant-trials" -> Map.of("drug", "Sertraline", "dailyDoseMg", 150, "startDate", "2025-01-06",
					"endDate", "2025-03-31", "adherent", true, "outcome", "NO_RESPONSE", "currentEpisode", true);
			case "responsible-physician" -> new HashMap<>(Map.of());
			case "assessments" -> Map.of("instrument", "PHQ9", "answers", java.util.List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
			case "measure-schedules" -> Map.of("instrument", "PHQ9", "everyDays", 7);
			case "evaluations" -> Map.of("route", "IV_KETAMINE", "indication", "TRD");
			// A fresh patient has no approved evaluation: the physician gets the rule's 422, everyone else 403.
			case "courses" -> Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2026-12-01");
			case "therapy-sessions" -> Map.of("type", "PREPARATION");
			default -> throw new IllegalArgumentException(pathTemplate);
		};
	}

	private static synchronized SecurityFixtures.PatientAccount patientAccount(SecurityFixtures fixtures) {
		if (patientAccount == null) {
			patientAccount = fixtures.patientWithAccount();
		}
		return patientAccount;
	}
}
