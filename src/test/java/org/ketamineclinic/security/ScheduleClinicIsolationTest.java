package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Another clinic's staff see none of the demo clinic's schedule: not its day, weeks, patients, capacity or appointments. */
@ClinicIntegrationTest
class ScheduleClinicIsolationTest {

	/** A Monday in 2031 that no other test books. */
	static final LocalDate DAY = LocalDate.of(2031, 3, 17);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anotherClinicsPhysicianSeesNoneOfTheDemoClinicsSchedule() {
		SecurityFixtures fixtures = new SecurityFixtures(port, accounts, jdbc);
		String family = SecurityFixtures.uniqueFamilyName();
		UUID patient = fixtures.registerPatient(family);
		String start = DAY.atTime(8, 0).atZone(ZoneId.of("America/New_York")).toInstant().toString();
		ApiClient.Response booked = fixtures.api.post(fixtures.token("frontdesk"), "/api/v1/appointments",
				Map.of("patientId", patient.toString(), "type", "IV_INFUSION", "start", start));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String appointment = booked.json().get("id").asString();
		assertThat(new WebSession(port).signIn("frontdesk", ApiClient.DEMO_PASSWORD).getHtmx("/schedule?date=" + DAY).body())
			.contains(family, appointment);

		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();
		WebSession outsider = new WebSession(port).signIn(other.physician(), SecurityFixtures.PASSWORD);
		HttpResponse<String> day = outsider.get("/schedule?date=" + DAY);
		assertThat(day.statusCode()).isEqualTo(200);
		assertThat(day.body()).doesNotContain(family, appointment, "Chair 1");
		assertThat(outsider.getHtmx("/schedule?date=" + DAY).body()).doesNotContain(family, appointment);
		assertThat(outsider.get("/schedule/week?staffId=" + fixtures.userId("nurse") + "&date=" + DAY).statusCode()).isEqualTo(404);

		String csrf = outsider.csrfTokenOf("/schedule?date=" + DAY);
		assertThat(outsider.postForm("/schedule/patients", Map.of("_csrf", csrf, "query", family)).body())
			.doesNotContain(patient.toString());
		HttpResponse<String> cancel = outsider.postForm("/schedule/appointments/" + appointment + "/cancel",
				Map.of("_csrf", csrf, "reason", "not yours", "date", DAY.toString()));
		assertThat(cancel.statusCode()).isEqualTo(302);
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/appointments/" + appointment).json().get("status").asString())
			.isEqualTo("BOOKED");

		JsonNode capacity = fixtures.api.get(other.physicianToken(), "/api/v1/scheduling/capacity?from=" + DAY + "&to=" + DAY).json();
		assertThat(capacity.get("chairs").asInt()).isZero();
		assertThat(capacity.get("days").get(0).get("bookedChairMinutes").asLong()).isZero();
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/scheduling/capacity?from=" + DAY + "&to=" + DAY).json()
			.get("days").get(0).get("bookedChairMinutes").asLong()).isEqualTo(100);
	}
}
