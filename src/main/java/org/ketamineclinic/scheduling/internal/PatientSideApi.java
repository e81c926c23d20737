package org.ketamineclinic.scheduling.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.Appointments.AppointmentView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The patient side of scheduling: settings, rides home, the waitlist and a patient's own booking. */
@RestController
class PatientSideApi {

	record SelfBookingView(List<String> types, @Nullable String changedAt, @Nullable String changedBy, @Nullable String reason) {
	}

	record RemindersView(List<String> offsets, @Nullable String changedAt, @Nullable String changedBy, @Nullable String reason) {
	}

	record OwnBooking(@Nullable String type, @Nullable String start) {
	}

	record OwnCancellation(@Nullable String reason) {
	}

	private final SchedulingSettings settings;
	private final Rides rides;
	private final Waitlist waitlist;
	private final PatientSchedule own;
	private final CurrentUser currentUser;

	PatientSideApi(SchedulingSettings settings, Rides rides, Waitlist waitlist, PatientSchedule own, CurrentUser currentUser) {
		this.settings = settings;
		this.rides = rides;
		this.waitlist = waitlist;
		this.own = own;
		this.currentUser = currentUser;
	}

	// Settings

	@GetMapping("/api/v1/scheduling/self-booking")
	@PreAuthorize(ClinicCalendar.STAFF)
	SelfBookingView selfBooking() {
		return view(settings.selfBooking(currentUser.clinic()));
	}

	@PutMapping("/api/v1/scheduling/self-booking")
	SelfBookingView changeSelfBooking(@RequestBody SchedulingSettings.SelfBookingRequest body) {
		return view(settings.changeSelfBooking(body));
	}

	@GetMapping("/api/v1/scheduling/reminders")
	@PreAuthorize(ClinicCalendar.STAFF)
	RemindersView reminders() {
		return view(settings.reminders(currentUser.clinic()));
	}

	@PutMapping("/api/v1/scheduling/reminders")
	RemindersView changeReminders(@RequestBody SchedulingSettings.RemindersRequest body) {
		return view(settings.changeReminders(body));
	}

	// Rides home

	@PostMapping("/api/v1/appointments/{id}/ride")
	Rides.RideView confirmRide(@PathVariable UUID id, @RequestBody Rides.RideRequest body) {
		return rides.confirm(id, body);
	}

	@GetMapping("/api/v1/rides/unconfirmed")
	List<Rides.Unconfirmed> unconfirmedRides() {
		return rides.unconfirmed();
	}

	// Waitlist

	@PostMapping("/api/v1/waitlist")
	ResponseEntity<Waitlist.Entry> joinWaitlist(@RequestBody Waitlist.JoinRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(waitlist.join(body));
	}

	@DeleteMapping("/api/v1/waitlist/{id}")
	ResponseEntity<Void> leaveWaitlist(@PathVariable UUID id) {
		waitlist.leave(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/patients/{id}/waitlist")
	Map<String, Object> patientWaitlist(@PathVariable UUID id) {
		return Map.of("entries", waitlist.entries(id), "openOffers", waitlist.openOffers(id));
	}

	@GetMapping("/api/v1/waitlist/offers/{id}")
	Waitlist.Offer offer(@PathVariable UUID id) {
		return waitlist.offer(id);
	}

	@PostMapping("/api/v1/waitlist/offers/{id}/accept")
	AppointmentView acceptOffer(@PathVariable UUID id) {
		return waitlist.accept(id);
	}

	@PostMapping("/api/v1/waitlist/offers/{id}/decline")
	ResponseEntity<Void> declineOffer(@PathVariable UUID id) {
		waitlist.decline(id);
		return ResponseEntity.noContent().build();
	}

	// A patient's own booking

	@GetMapping("/api/v1/me/availability")
	List<Appointments.Slot> ownSlots(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String date) {
		return own.freeSlots(type, date);
	}

	@PostMapping("/api/v1/me/appointments")
	ResponseEntity<AppointmentView> bookOwn(@RequestBody OwnBooking body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(own.book(body.type(), body.start()));
	}

	@PostMapping("/api/v1/me/appointments/{id}/cancel")
	AppointmentView cancelOwn(@PathVariable UUID id, @RequestBody OwnCancellation body) {
		return own.cancel(id, body.reason());
	}

	private static SelfBookingView view(SchedulingSettings.SelfBooking s) {
		return new SelfBookingView(s.types().stream().map(Enum::name).toList(), s.changedAt() == null ? null : s.changedAt().toString(),
				s.changedBy(), s.reason());
	}

	private static RemindersView view(SchedulingSettings.Reminders r) {
		return new RemindersView(r.labels(), r.changedAt() == null ? null : r.changedAt().toString(), r.changedBy(), r.reason());
	}
}
