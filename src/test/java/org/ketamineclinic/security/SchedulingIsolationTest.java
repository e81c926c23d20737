package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;

/** Another clinic's staff see none of this clinic's appointments, chairs or free slots, and cannot change them. */
class SchedulingIsolationTest extends SecurityTest {

	@Test
	void anotherClinicsPhysicianGets404ForThisClinicsAppointments() {
		UUID patient = fixtures.registerPatient();
		String start = LocalDate.of(2027, 5, 3).atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant().toString();
		ApiClient.Response booked = fixtures.api.post(fixtures.token("frontdesk"), "/api/v1/appointments",
				Map.of("patientId", patient.toString(), "type", "FOLLOW_UP", "start", start));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String path = "/api/v1/appointments/" + booked.json().get("id").asString();

		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();
		assertThat(fixtures.api.get(other.physicianToken(), path).status()).isEqualTo(404);
		assertThat(fixtures.api.post(other.physicianToken(), path + "/cancel", Map.of("reason", "Not ours")).status()).isEqualTo(404);
		assertThat(fixtures.api.post(other.physicianToken(), path + "/reschedule",
				Map.of("start", start, "reason", "Not ours", "version", 0)).status()).isEqualTo(404);
		assertThat(fixtures.api.get(other.physicianToken(), "/api/v1/patients/" + patient + "/appointments").status()).isEqualTo(404);
		assertThat(fixtures.api.get(other.physicianToken(), "/api/v1/appointments?from=2027-05-03&to=2027-05-04").json().size()).isZero();
		assertThat(fixtures.api.get(other.physicianToken(), "/api/v1/scheduling/chairs").json().size()).isZero();
		assertThat(fixtures.api.get(other.physicianToken(), "/api/v1/availability?date=2027-05-03&type=FOLLOW_UP").json().get("slots")
			.size()).isZero();
		// Booking this clinic's patient from the other clinic: the patient does not exist there.
		assertThat(fixtures.api.post(other.physicianToken(), "/api/v1/appointments",
				Map.of("patientId", patient.toString(), "type", "FOLLOW_UP", "start", start)).status()).isEqualTo(404);
		// Still booked, untouched.
		assertThat(fixtures.api.get(fixtures.token("frontdesk"), path).json().get("status").asString()).isEqualTo("BOOKED");
	}
}
