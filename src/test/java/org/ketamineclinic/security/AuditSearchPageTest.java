package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Administrators find who looked at a patient, by patient, user and date; web sessions idle out after 15 minutes. */
@ClinicIntegrationTest
class AuditSearchPageTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminFindsReadsOfOnePatientByPatientUserAndDate() {
		ApiClient api = new ApiClient(port);
		String patientId = api.post(api.token("frontdesk"), "/api/v1/patients",
				SecurityFixtures.demographics("Audita", SecurityFixtures.uniqueFamilyName())).json().get("id").asString();
		assertThat(api.get(api.token("therapist"), "/api/v1/patients/" + patientId).status()).isEqualTo(200);

		WebSession admin = new WebSession(port).signIn("admin", ApiClient.DEMO_PASSWORD);
		String byPatient = admin.get("/admin/audit?patientId=" + patientId).body();
		assertThat(byPatient).contains("therapist").contains("READ").contains("frontdesk").contains("CREATE");

		String byPatientAndUser = admin.get("/admin/audit?patientId=" + patientId + "&username=therapist").body();
		assertThat(byPatientAndUser).contains("READ").doesNotContain("CREATE");

		String tomorrow = LocalDate.now().plusDays(2).toString();
		assertThat(admin.get("/admin/audit?patientId=" + patientId + "&from=" + tomorrow).body()).contains("0 entries");
	}

	@Test
	void staffCannotSearchTheAudit() {
		WebSession nurse = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		assertThat(nurse.get("/admin/audit").statusCode()).isEqualTo(403);
	}

	@Test
	void webSessionsAreKeptInTheDatabaseAndEndAfterFifteenIdleMinutes() {
		new WebSession(port).signIn("therapist", ApiClient.DEMO_PASSWORD);
		assertThat(jdbc.queryForList("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'therapist'",
				Integer.class)).isNotEmpty().allMatch(seconds -> seconds == 900);
	}
}
