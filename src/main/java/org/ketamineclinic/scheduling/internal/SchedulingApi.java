package org.ketamineclinic.scheduling.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.Appointments.AppointmentView;
import org.ketamineclinic.scheduling.ResourceKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Availability and appointments (the scheduling bullet of api-contract.md) and the clinic calendar's settings. */
@RestController
class SchedulingApi {

	record CourseBooking(@Nullable String firstStart, @Nullable String preferredTime) {
	}

	record Cancellation(@Nullable String reason, @Nullable Long version) {
	}

	record NoShow(@Nullable String reason) {
	}

	record TypeView(String code, long minutes, String resource, @Nullable String capability, String staffRole, boolean prescriberOnSite) {
	}

	private final Appointments appointments;
	private final ClinicCalendar calendar;
	private final java.time.Clock clock;
	private final ZoneId zone;

	SchedulingApi(Appointments appointments, ClinicCalendar calendar, java.time.Clock clock, ClinicTimeZone zone) {
		this.appointments = appointments;
		this.calendar = calendar;
		this.clock = clock;
		this.zone = zone.zone();
	}

	// Booking

	@GetMapping("/api/v1/availability")
	Appointments.Availability availability(@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String type) {
		FieldChecks checks = new FieldChecks();
		LocalDate day = checks.check("date", () -> ClinicCalendar.date(date));
		AppointmentType wanted = checks.check("type", () -> Codes.parse(AppointmentType.class, type));
		checks.throwIfAny();
		return appointments.availability(day, wanted);
	}

	/** One appointment answers with itself; a series with its id and every appointment in it. */
	@PostMapping("/api/v1/appointments")
	ResponseEntity<?> book(@RequestBody Appointments.NewAppointment body) {
		List<AppointmentView> booked = appointments.book(body);
		URI location = URI.create("/api/v1/appointments/" + booked.get(0).id());
		if (body.repeat() == null) {
			return ResponseEntity.created(location).body(booked.get(0));
		}
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("seriesId", booked.get(0).seriesId());
		series.put("appointments", booked);
		return ResponseEntity.created(location).body(series);
	}

	@PostMapping("/api/v1/courses/{courseId}/appointments")
	ResponseEntity<List<AppointmentView>> bookCourse(@PathVariable UUID courseId, @RequestBody CourseBooking body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(appointments.bookCourse(courseId, body.firstStart(), body.preferredTime()));
	}

	@GetMapping("/api/v1/appointments")
	List<AppointmentView> list(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable UUID chairId, @RequestParam(required = false) @Nullable UUID roomId,
			@RequestParam(required = false) @Nullable UUID staffId, @RequestParam(required = false) @Nullable UUID patientId) {
		FieldChecks checks = new FieldChecks();
		Instant start = from == null ? LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant() : checks.check("from", () -> boundary(from));
		Instant end = to == null ? null : checks.check("to", () -> boundary(to));
		checks.throwIfAny();
		return appointments.list(start, end == null ? start.plus(java.time.Duration.ofDays(7)) : end, chairId != null ? chairId : roomId,
				staffId, patientId);
	}

	@GetMapping("/api/v1/patients/{id}/appointments")
	List<AppointmentView> ofPatient(@PathVariable UUID id) {
		return appointments.ofPatient(id);
	}

	@GetMapping("/api/v1/appointments/{id}")
	AppointmentView appointment(@PathVariable UUID id) {
		return appointments.find(id).orElseThrow(() -> new NotFound(AppointmentBook.RESOURCE, id));
	}

	@GetMapping("/api/v1/appointments/{id}/history")
	List<Appointments.ChangeView> history(@PathVariable UUID id) {
		return appointments.history(id);
	}

	@PostMapping("/api/v1/appointments/{id}/reschedule")
	AppointmentView reschedule(@PathVariable UUID id, @RequestBody Appointments.Reschedule body) {
		return appointments.reschedule(id, body);
	}

	@PostMapping("/api/v1/appointments/{id}/cancel")
	AppointmentView cancel(@PathVariable UUID id, @RequestBody Cancellation body) {
		return appointments.cancel(id, body.reason(), body.version());
	}

	@PostMapping("/api/v1/appointments/{id}/no-show")
	AppointmentView noShow(@PathVariable UUID id, @RequestBody(required = false) @Nullable NoShow body) {
		return appointments.noShow(id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/appointments/{id}/complete")
	AppointmentView complete(@PathVariable UUID id) {
		return appointments.complete(id);
	}

	// The calendar's settings

	@GetMapping("/api/v1/scheduling/appointment-types")
	List<TypeView> types() {
		return Arrays.stream(AppointmentType.values()).map(t -> new TypeView(t.name(), t.duration().toMinutes(), t.resourceKind().name(),
				t.capability() == null ? null : t.capability().name(), t.staffRole().name(), t.prescriberOnSite())).toList();
	}

	@GetMapping("/api/v1/scheduling/chairs")
	List<ClinicCalendar.Resource> chairs() {
		return calendar.resources(ResourceKind.CHAIR);
	}

	@PostMapping("/api/v1/scheduling/chairs")
	ResponseEntity<ClinicCalendar.Resource> addChair(@RequestBody ClinicCalendar.ResourceRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(calendar.addResource(ResourceKind.CHAIR, body));
	}

	@GetMapping("/api/v1/scheduling/rooms")
	List<ClinicCalendar.Resource> rooms() {
		return calendar.resources(ResourceKind.ROOM);
	}

	@PostMapping("/api/v1/scheduling/rooms")
	ResponseEntity<ClinicCalendar.Resource> addRoom(@RequestBody ClinicCalendar.ResourceRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(calendar.addResource(ResourceKind.ROOM, body));
	}

	@PutMapping("/api/v1/scheduling/resources/{id}")
	ClinicCalendar.Resource changeResource(@PathVariable UUID id, @RequestBody ClinicCalendar.ResourceRequest body) {
		return calendar.changeResource(id, body);
	}

	@GetMapping("/api/v1/scheduling/opening-hours")
	List<ClinicCalendar.Span> openingHours() {
		return calendar.openingHours();
	}

	@PutMapping("/api/v1/scheduling/opening-hours")
	List<ClinicCalendar.Span> replaceOpeningHours(@RequestBody ClinicCalendar.HoursRequest body) {
		return calendar.replaceOpeningHours(body);
	}

	@GetMapping("/api/v1/scheduling/closures")
	List<ClinicCalendar.Closure> closures() {
		return calendar.closures();
	}

	@PostMapping("/api/v1/scheduling/closures")
	ResponseEntity<ClinicCalendar.Closure> addClosure(@RequestBody ClinicCalendar.ClosureRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(calendar.addClosure(body));
	}

	@DeleteMapping("/api/v1/scheduling/closures/{date}")
	ResponseEntity<Void> removeClosure(@PathVariable String date) {
		FieldChecks checks = new FieldChecks();
		LocalDate day = checks.check("date", () -> ClinicCalendar.date(date));
		checks.throwIfAny();
		calendar.removeClosure(day);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/scheduling/staff-hours")
	List<ClinicCalendar.StaffHours> staffHours() {
		return calendar.staffHours();
	}

	@PutMapping("/api/v1/scheduling/staff-hours/{userId}")
	ClinicCalendar.StaffHours replaceStaffHours(@PathVariable UUID userId, @RequestBody ClinicCalendar.HoursRequest body) {
		return calendar.replaceStaffHours(userId, body);
	}

	/** A date means the start of that clinic day; otherwise an instant. */
	private Instant boundary(String value) {
		if (value.length() == 10) {
			return ClinicCalendar.date(value).atStartOfDay(zone).toInstant();
		}
		try {
			return java.time.OffsetDateTime.parse(value).toInstant();
		}
		catch (java.time.format.DateTimeParseException bad) {
			throw new IllegalArgumentException("must be a date such as 2026-12-01 or an instant such as 2026-12-01T14:00:00Z");
		}
	}
}
