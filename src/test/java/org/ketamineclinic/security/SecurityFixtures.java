package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data the security tests make for themselves: fresh patients, patient accounts, a second clinic.
 * Tokens of the shared demo staff are issued once per test JVM (Argon2 makes each sign-in slow);
 * tests that revoke or expire a token issue their own.
 */
final class SecurityFixtures {

	static final String CREATED_BY = "security-tests";
	static final String PASSWORD = "correct-horse-battery-staple";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
	private static final SecureRandom RANDOM = new SecureRandom();

	final ApiClient api;
	private final Accounts accounts;
	private final JdbcTemplate jdbc;

	SecurityFixtures(int port, Accounts accounts, JdbcTemplate jdbc) {
		this.api = new ApiClient(port);
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** A token of a demo account, shared by the tests: never revoke it. */
	String token(String username) {
		return TOKENS.computeIfAbsent(username, api::token);
	}

	/** Lower-case letters only, so that the value is a valid username part and a searchable name. */
	static String randomLetters(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return text.toString();
	}

	/** A family name no other test and no synthetic patient has. */
	static String uniqueFamilyName() {
		String letters = randomLetters(12);
		return "Zz" + letters;
	}

	static Map<String, Object> demographics(String givenName, String familyName) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", givenName);
		body.put("familyName", familyName);
		body.put("birthDate", "1979-05-14");
		body.put("sexAtBirth", "FEMALE");
		return body;
	}

	/** Registers a patient in the demo clinic as the demo nurse; returns its id. */
	UUID registerPatient(String familyName) {
		ApiClient.Response created = api.post(token("nurse"), "/api/v1/patients", demographics("Test", familyName));
		assertThat(created.status()).as("registering a fixture patient: %s", created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	UUID registerPatient() {
		return registerPatient(uniqueFamilyName());
	}

	ClinicId demoClinic() {
		return new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'", UUID.class));
	}

	UUID userId(String username) {
		return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", UUID.class, username);
	}

	/** A fresh account in the given clinic; returns its username (the password is {@link #PASSWORD}). */
	String createAccount(ClinicId clinic, String prefix, Role role, UUID patientId) {
		String username = prefix + "-" + randomLetters(10);
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Test " + role.label(), role, patientId, PASSWORD),
				CREATED_BY);
		return username;
	}

	/** A fresh patient of the demo clinic with a patient account linked to it. */
	PatientAccount patientWithAccount() {
		UUID patient = registerPatient();
		String username = createAccount(demoClinic(), "pt", Role.PATIENT, patient);
		return new PatientAccount(patient, username, api.token(username, PASSWORD));
	}

	record PatientAccount(UUID patientId, String username, String token) {
	}

	/** A second clinic with one physician, to prove that clinics never see each other's patients. */
	OtherClinic otherClinicWithPhysician() {
		ClinicId clinic = accounts.createClinic("Other Clinic " + randomLetters(10));
		String username = createAccount(clinic, "other-physician", Role.PHYSICIAN, null);
		return new OtherClinic(clinic, username, api.token(username, PASSWORD));
	}

	record OtherClinic(ClinicId clinic, String physician, String physicianToken) {
	}

	static String sha256Hex(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
