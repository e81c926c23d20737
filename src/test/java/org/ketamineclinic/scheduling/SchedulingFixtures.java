package org.ketamineclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ketamineclinic.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Patients, chairs and times for the scheduling tests, in the demo clinic's zone. */
final class SchedulingFixtures {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	final ApiClient api;

	SchedulingFixtures(ApiClient api) {
		this.api = api;
	}

	String token(String username) {
		return api.token(username);
	}

	String patient() {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Sched");
		StringBuilder name = new StringBuilder("Zs");
		for (int i = 0; i < 10; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		body.put("familyName", name.toString());
		body.put("birthDate", "1984-02-11");
		body.put("sexAtBirth", "MALE");
		ApiClient.Response created = api.post(token("frontdesk"), "/api/v1/patients", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A chair or room id of the demo clinic: with or without the capability. */
	String resource(String kind, String capability, boolean with) {
		JsonNode list = api.get(token("admin"), "/api/v1/scheduling/" + kind).json();
		for (JsonNode resource : list) {
			boolean has = capability == null || resource.get("capabilities").toString().contains(capability);
			if (has == with && resource.get("active").asBoolean()) {
				return resource.get("id").asString();
			}
		}
		throw new IllegalStateException("no " + kind + (with ? " with " : " without ") + capability);
	}

	String userId(String username) {
		for (JsonNode staff : api.get(token("admin"), "/api/v1/scheduling/staff-hours").json()) {
			if (staff.get("username").asString().equals(username)) {
				return staff.get("userId").asString();
			}
		}
		throw new IllegalStateException(username);
	}

	static String at(LocalDate date, int hour, int minute) {
		return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant().toString();
	}

	static LocalTime localTime(JsonNode instant) {
		return java.time.Instant.parse(instant.asString()).atZone(ZONE).toLocalTime();
	}

	static LocalDate localDate(JsonNode instant) {
		return java.time.Instant.parse(instant.asString()).atZone(ZONE).toLocalDate();
	}

	ApiClient.Response book(String token, String patient, String type, String start, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(extra);
		body.put("patientId", patient);
		body.put("type", type);
		body.put("start", start);
		return api.post(token, "/api/v1/appointments", body);
	}

	static List<LocalTime> slotTimes(JsonNode availability) {
		List<LocalTime> times = new java.util.ArrayList<>();
		availability.get("slots").forEach(slot -> times.add(localTime(slot.get("start"))));
		return times;
	}
}
