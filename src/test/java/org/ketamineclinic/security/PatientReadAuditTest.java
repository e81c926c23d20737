package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Every look at a patient leaves an audit entry saying who, in which role and clinic, and whether it was allowed. */
class PatientReadAuditTest extends SecurityTest {


	@Test
	void aReadWritesOneSuccessfulReadEntryNamingTheReader() {
		UUID patient = fixtures.registerPatient();
		assertThat(entries(patient, "READ", "SUCCESS")).as("nobody has read the new patient yet").isEmpty();

		assertThat(fixtures.api.get(fixtures.token("nurse"), "/api/v1/patients/" + patient).status()).isEqualTo(200);

		List<Map<String, Object>> reads = entries(patient, "READ", "SUCCESS");
		assertThat(reads).hasSize(1);
		Map<String, Object> read = reads.get(0);
		assertThat(read.get("username")).isEqualTo("nurse");
		assertThat(read.get("role")).isEqualTo("NURSE");
		assertThat(read.get("user_id")).isEqualTo(fixtures.userId("nurse"));
		assertThat(read.get("clinic_id")).isEqualTo(fixtures.demoClinic().value());
		assertThat(read.get("resource_type")).isEqualTo("Patient");
		assertThat(read.get("resource_id")).isEqualTo(patient.toString());
		assertThat(read.get("client_address")).isNotNull();
	}

	@Test
	void aChartReadIsAuditedToo() {
		UUID patient = fixtures.registerPatient();

		assertThat(fixtures.api.get(fixtures.token("therapist"), "/api/v1/patients/" + patient + "/chart").status())
			.isEqualTo(200);

		assertThat(entries(patient, "READ", "SUCCESS")).singleElement().satisfies(read -> {
			assertThat(read.get("resource_type")).isEqualTo("Chart");
			assertThat(read.get("username")).isEqualTo("therapist");
			assertThat(read.get("role")).isEqualTo("THERAPIST");
		});
	}

	@Test
	void aReadByAnotherClinicIsRefusedAndWrittenAsDenied() {
		UUID patient = fixtures.registerPatient();
		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();

		assertThat(fixtures.api.get(other.physicianToken(), "/api/v1/patients/" + patient).status()).isEqualTo(404);

		// The other clinic must not learn that the patient exists, so the entry names the id asked for,
		// in the asking clinic, without linking it to this clinic's patient.
		List<Map<String, Object>> denied = jdbc.queryForList("""
				SELECT * FROM audit_entry WHERE resource_id = ? AND outcome = 'DENIED' AND username = ?""",
				patient.toString(), other.physician());
		assertThat(denied).singleElement().satisfies(entry -> {
			assertThat(entry.get("action")).isEqualTo("READ");
			assertThat(entry.get("role")).isEqualTo("PHYSICIAN");
			assertThat(entry.get("clinic_id")).isEqualTo(other.clinic().value());
			assertThat(entry.get("resource_type")).isEqualTo("Patient");
		});
		assertThat(entries(patient, "READ", "SUCCESS")).as("nothing was read").isEmpty();
	}

	@Test
	void aPatientAccountReadingSomeoneElsesRecordIsWrittenAsDenied() {
		SecurityFixtures.PatientAccount account = fixtures.patientWithAccount();
		UUID someoneElse = fixtures.registerPatient();

		assertThat(fixtures.api.get(account.token(), "/api/v1/patients/" + someoneElse).status()).isEqualTo(404);
		assertThat(fixtures.api.get(account.token(), "/api/v1/patients/" + account.patientId()).status()).isEqualTo(200);

		assertThat(entries(someoneElse, "READ", "DENIED")).singleElement().satisfies(entry -> {
			assertThat(entry.get("username")).isEqualTo(account.username());
			assertThat(entry.get("role")).isEqualTo("PATIENT");
			assertThat(entry.get("clinic_id")).isEqualTo(fixtures.demoClinic().value());
		});
		assertThat(entries(someoneElse, "READ", "SUCCESS")).isEmpty();
		assertThat(entries(account.patientId(), "READ", "SUCCESS")).singleElement()
			.satisfies(entry -> assertThat(entry.get("username")).isEqualTo(account.username()));
	}

	@Test
	void aSearchIsAuditedWithTheNumberOfHitsButNotTheSearchText() {
		String familyName = SecurityFixtures.uniqueFamilyName();
		fixtures.registerPatient(familyName);
		long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_entry", Long.class);

		assertThat(fixtures.api.get(fixtures.token("frontdesk"), "/api/v1/patients?query=" + familyName).status())
			.isEqualTo(200);

		List<Map<String, Object>> searches = jdbc.queryForList("""
				SELECT * FROM audit_entry WHERE seq > ? AND username = 'frontdesk' AND action = 'SEARCH'""", before);
		assertThat(searches).singleElement().satisfies(entry -> {
			assertThat(entry.get("outcome")).isEqualTo("SUCCESS");
			assertThat(entry.get("resource_id")).isEqualTo("1 results");
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE resource_id LIKE ?", Long.class,
				"%" + familyName + "%")).isZero();
	}

	private List<Map<String, Object>> entries(UUID patient, String action, String outcome) {
		return jdbc.queryForList("SELECT * FROM audit_entry WHERE patient_id = ? AND action = ? AND outcome = ? ORDER BY seq",
				patient, action, outcome);
	}
}
