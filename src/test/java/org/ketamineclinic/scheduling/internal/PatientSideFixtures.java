package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Patients with and without email, patient accounts, bookings and acting as a user, for the patient-side tests. */
final class PatientSideFixtures {

	static final ZoneId ZONE = ZoneId.of("America/New_York");
	static final String PASSWORD = "correct-horse-battery-staple";

	final ApiClient api;
	final JdbcTemplate jdbc;
	final Accounts accounts;

	PatientSideFixtures(ApiClient api, JdbcTemplate jdbc, Accounts accounts) {
		this.api = api;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	static String letters(int n) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < n; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return name.toString();
	}

	/** A fresh patient registered by the front desk; with an email address when {@code email} is given. */
	UUID patient(@Nullable String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Side");
		body.put("familyName", "Zp" + letters(10));
		body.put("birthDate", "1981-07-02");
		body.put("sexAtBirth", "FEMALE");
		if (email != null) {
			body.put("email", email);
		}
		ApiClient.Response created = api.post(api.token("frontdesk"), "/api/v1/patients", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	/** A patient account for the patient; returns its username (password {@link #PASSWORD}). */
	String account(UUID patientId) {
		String username = "side-" + letters(10);
		accounts.createAccount(clinic(), new Accounts.NewAccount(username, "Side Patient", Role.PATIENT, patientId, PASSWORD), "patient-side-tests");
		return username;
	}

	ClinicId clinic() {
		return new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'frontdesk'", UUID.class));
	}

	static String at(LocalDate date, int hour, int minute) {
		return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant().toString();
	}

	/** Books through the API as the front desk; returns the appointment id. */
	UUID book(UUID patient, String type, String start) {
		ApiClient.Response booked = api.post(api.token("frontdesk"), "/api/v1/appointments",
				Map.of("patientId", patient.toString(), "type", type, "start", start));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return UUID.fromString(booked.json().get("id").asString());
	}

	ApiClient.Response cancel(UUID appointment, String reason) {
		return api.post(api.token("frontdesk"), "/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", reason));
	}

	/** Runs work signed in as an existing account, as the web layer would. */
	<T> T as(String username, Supplier<T> work) {
		Map<String, Object> account = jdbc.queryForMap("SELECT id, clinic_id, display_name, role, patient_id FROM user_account WHERE username = ?",
				username);
		Role role = Role.valueOf((String) account.get("role"));
		ClinicUser user = new ClinicUser((UUID) account.get("id"), username, (String) account.get("display_name"),
				new ClinicId((UUID) account.get("clinic_id")), role, (UUID) account.get("patient_id"));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		CurrentUser.HasClinicUser principal = () -> user;
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
