package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ketamineclinic.scheduling.internal.PatientSideFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A freed time goes to the waitlist in the order people joined, one offer at a time; an offer
 * expires and passes to the next in line; accepting books (or moves an appointment earlier); a
 * time taken meanwhile is a clear 409. Expiry is driven with an explicit time.
 */
@ClinicIntegrationTest
class WaitlistTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Waitlist waitlist;

	PatientSideFixtures fixtures;
	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		fixtures = new PatientSideFixtures(api, jdbc, accounts);
	}

	@Test
	void aFreedTimeIsOfferedInJoinOrderAndPassesOnWhenTheOfferExpires() {
		LocalDate day = LocalDate.of(2028, 5, 1);
		String slot = at(day, 9, 0);
		UUID first = fixtures.patient("wl-" + PatientSideFixtures.letters(8) + "@example.org");
		UUID second = fixtures.patient(null);
		UUID freed = fixtures.book(fixtures.patient(null), "FOLLOW_UP", slot);
		join(first, "FOLLOW_UP", day);
		join(second, "FOLLOW_UP", day);

		assertThat(fixtures.cancel(freed, "Moved away").status()).isEqualTo(200);
		UUID firstOffer = awaitOpenOffer(first);
		assertThat(openOffers(second)).isEmpty();
		Map<String, Object> offer = jdbc.queryForMap("SELECT slot_start, expires_at, offered_at FROM scheduling_waitlist_offer WHERE id = ?", firstOffer);
		assertThat(((java.sql.Timestamp) offer.get("slot_start")).toInstant()).isEqualTo(Instant.parse(slot));
		assertThat(Duration.between(((java.sql.Timestamp) offer.get("offered_at")).toInstant(),
				((java.sql.Timestamp) offer.get("expires_at")).toInstant())).isEqualTo(Duration.ofHours(2));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE subject = 'An earlier appointment time is free for you' "
				+ "AND body LIKE '%/portal/appointments%' AND body NOT LIKE '%Side%'", Integer.class)).isPositive();

		Instant expiry = ((java.sql.Timestamp) offer.get("expires_at")).toInstant();
		assertThat(waitlist.expireOffers(expiry.minusSeconds(1))).isEmpty();
		List<Waitlist.Offer> passedOn = waitlist.expireOffers(expiry.plusSeconds(1));
		assertThat(passedOn).extracting(Waitlist.Offer::patientId).contains(second);
		assertThat(status(firstOffer)).isEqualTo("EXPIRED");
		UUID secondOffer = openOffers(second).get(0);

		ApiClient.Response late = api.post(api.token("frontdesk"), "/api/v1/waitlist/offers/" + firstOffer + "/accept", Map.of());
		assertThat(late.status()).isEqualTo(409);
		ApiClient.Response accepted = api.post(api.token("frontdesk"), "/api/v1/waitlist/offers/" + secondOffer + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("patientId").asString()).isEqualTo(second.toString());
		assertThat(accepted.json().get("start").asString()).isEqualTo(slot);
		assertThat(status(secondOffer)).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForObject("SELECT e.status FROM scheduling_waitlist_entry e JOIN scheduling_waitlist_offer o ON o.entry_id = e.id "
				+ "WHERE o.id = ?", String.class, secondOffer)).isEqualTo("BOOKED");
	}

	@Test
	void aTimeTakenMeanwhileGivesAClear409AndTheEntryKeepsWaiting() {
		LocalDate day = LocalDate.of(2028, 5, 2);
		UUID waiting = fixtures.patient(null);
		String username = fixtures.account(waiting);
		UUID freed = fixtures.book(fixtures.patient(null), "INTEGRATION_THERAPY", at(day, 10, 0));
		join(waiting, "INTEGRATION_THERAPY", day);
		assertThat(fixtures.cancel(freed, "Changed therapist").status()).isEqualTo(200);
		UUID offer = awaitOpenOffer(waiting);
		fixtures.book(fixtures.patient(null), "INTEGRATION_THERAPY", at(day, 10, 0));

		ApiClient.Response taken = api.post(api.token(username, PatientSideFixtures.PASSWORD), "/api/v1/waitlist/offers/" + offer + "/accept", Map.of());
		assertThat(taken.status()).as(taken.body()).isEqualTo(409);
		assertThat(taken.json().get("detail").asString()).contains("taken meanwhile");
		assertThat(status(offer)).isEqualTo("TAKEN");
		assertThat(jdbc.queryForObject("SELECT status FROM scheduling_waitlist_entry WHERE patient_id = ?", String.class, waiting)).isEqualTo("WAITING");
	}

	@Test
	void anEntryForAnExistingAppointmentMovesThatAppointmentEarlier() {
		LocalDate day = LocalDate.of(2028, 5, 3);
		UUID patient = fixtures.patient(null);
		String username = fixtures.account(patient);
		UUID existing = fixtures.book(patient, "FOLLOW_UP", at(day, 15, 0));
		ApiClient.Response joined = api.post(api.token(username, PatientSideFixtures.PASSWORD), "/api/v1/waitlist",
				Map.of("appointmentId", existing.toString()));
		assertThat(joined.status()).as(joined.body()).isEqualTo(201);
		// Another patient's waitlist entry is not this patient's to see.
		assertThat(api.get(api.token(username, PatientSideFixtures.PASSWORD), "/api/v1/patients/" + fixtures.patient(null) + "/waitlist").status())
			.isEqualTo(404);

		UUID freed = fixtures.book(fixtures.patient(null), "FOLLOW_UP", at(day, 9, 0));
		assertThat(fixtures.cancel(freed, "Recovered").status()).isEqualTo(200);
		UUID offer = awaitOpenOffer(patient);
		ApiClient.Response moved = api.post(api.token(username, PatientSideFixtures.PASSWORD), "/api/v1/waitlist/offers/" + offer + "/accept", Map.of());
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("id").asString()).isEqualTo(existing.toString());
		assertThat(moved.json().get("start").asString()).isEqualTo(at(day, 9, 0));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduling_appointment WHERE patient_id = ? AND status = 'BOOKED'", Integer.class,
				patient)).isEqualTo(1);
	}

	void join(UUID patient, String type, LocalDate day) {
		ApiClient.Response joined = api.post(api.token("frontdesk"), "/api/v1/waitlist",
				Map.of("patientId", patient.toString(), "type", type, "from", day.toString(), "to", day.toString()));
		assertThat(joined.status()).as(joined.body()).isEqualTo(201);
	}

	UUID awaitOpenOffer(UUID patient) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !openOffers(patient).isEmpty());
		return openOffers(patient).get(0);
	}

	List<UUID> openOffers(UUID patient) {
		return jdbc.queryForList("SELECT o.id FROM scheduling_waitlist_offer o JOIN scheduling_waitlist_entry e ON e.id = o.entry_id "
				+ "WHERE e.patient_id = ? AND o.status = 'OPEN'", UUID.class, patient);
	}

	String status(UUID offer) {
		return jdbc.queryForObject("SELECT status FROM scheduling_waitlist_offer WHERE id = ?", String.class, offer);
	}
}
