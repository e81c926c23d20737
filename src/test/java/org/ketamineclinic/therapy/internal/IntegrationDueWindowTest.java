package org.ketamineclinic.therapy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.session.SessionDischarged;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integration window with explicit times: the discharge event records the item due the
 * clinic's hours later, it is overdue only once {@code now} is past that, and an integration
 * session held before the event was handled still meets it when it falls inside the window.
 */
@ClinicIntegrationTest
class IntegrationDueWindowTest {

	@LocalServerPort
	int port;

	@Autowired
	DosingSessionEvents events;

	@Autowired
	IntegrationDue due;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void dueSeventyTwoHoursAfterDischargeAndOverdueOnlyAfterThat() {
		ClinicId clinic = demoClinic();
		UUID patient = registerPatient();
		UUID dosing = UUID.randomUUID();
		Instant discharged = Instant.parse("2026-03-02T15:00:00Z");
		events.on(new SessionDischarged(dosing, clinic, patient, Route.IM_KETAMINE, discharged, null));
		recorded(dosing);

		Instant dueBy = jdbc.queryForObject("SELECT due_by FROM therapy_integration_due WHERE dosing_session_id = ?", java.sql.Timestamp.class,
				dosing).toInstant();
		assertThat(dueBy).isEqualTo(discharged.plus(Duration.ofHours(72)));
		assertThat(item(clinic, dosing, discharged.plus(Duration.ofHours(71))).overdue()).isFalse();
		assertThat(item(clinic, dosing, dueBy).overdue()).as("due by, not yet past").isFalse();
		assertThat(item(clinic, dosing, dueBy.plusSeconds(1)).overdue()).isTrue();
	}

	@Test
	void anIntegrationSessionHeldInTheWindowBeforeTheEventWasHandledMeetsIt() {
		ClinicId clinic = demoClinic();
		UUID patient = registerPatient();
		Instant discharged = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
		UUID held = UUID.randomUUID();
		jdbc.update("""
				INSERT INTO therapy_session (id, clinic_id, patient_id, type, status, held_by, held_at, created_by, created_at)
				VALUES (?, ?, ?, 'INTEGRATION', 'HELD', 'therapist', ?, 'therapist', ?)""", held, clinic.value(), patient,
				java.sql.Timestamp.from(discharged.plus(Duration.ofHours(20))), java.sql.Timestamp.from(discharged));
		UUID inWindow = UUID.randomUUID();
		events.on(new SessionDischarged(inWindow, clinic, patient, Route.IN_ESKETAMINE, discharged, null));
		recorded(inWindow);
		UUID later = UUID.randomUUID();
		events.on(new SessionDischarged(later, clinic, patient, Route.IN_ESKETAMINE, discharged.plus(Duration.ofHours(25)), null));
		recorded(later);

		assertThat(jdbc.queryForObject("SELECT met_by FROM therapy_integration_due WHERE dosing_session_id = ?", UUID.class, inWindow))
			.isEqualTo(held);
		assertThat(jdbc.queryForObject("SELECT met_by FROM therapy_integration_due WHERE dosing_session_id = ?", UUID.class, later))
			.as("held before this discharge").isNull();
		List<IntegrationDue.DueItem> open = RunAs.systemActor(clinic, "therapy-test", Role.THERAPIST, () -> due.open(Instant.now()));
		assertThat(open).extracting(IntegrationDue.DueItem::dosingSessionId).contains(later).doesNotContain(inWindow);
	}

	/** The listener runs asynchronously (it is an application module listener), even when called directly. */
	private void recorded(UUID dosing) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"SELECT count(*) FROM therapy_integration_due WHERE dosing_session_id = ?", Integer.class, dosing) == 1);
	}

	private IntegrationDue.DueItem item(ClinicId clinic, UUID dosing, Instant now) {
		return RunAs.systemActor(clinic, "therapy-test", Role.THERAPIST, () -> due.open(now)).stream()
			.filter(i -> i.dosingSessionId().equals(dosing))
			.findFirst()
			.orElseThrow();
	}

	private ClinicId demoClinic() {
		return new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'", UUID.class));
	}

	private UUID registerPatient() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response created = api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Win", "familyName",
				"Window" + UUID.randomUUID().toString().substring(0, 8), "birthDate", "1970-01-01", "sexAtBirth", "MALE"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}
}
