package org.ketamineclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.platform.RuleViolation.RuleFinding;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.protocol.TreatmentCourses.CourseOutline;
import org.ketamineclinic.protocol.TreatmentCourses.PlannedSessionView;
import org.ketamineclinic.scheduling.AppointmentBooked;
import org.ketamineclinic.scheduling.AppointmentCancelled;
import org.ketamineclinic.scheduling.AppointmentRescheduled;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.ResourceKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books appointments. The checks here give callers a precise answer (which rule, which field); the
 * exclusion constraints of {@code scheduling_appointment} are what actually guarantee that no
 * chair, person or patient is ever in two appointments at once, also when two requests race.
 */
@Service
@Transactional
class AppointmentBook implements Appointments {

	static final String BOOK = "hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')";
	static final String RESOURCE = "Appointment";
	static final int GRID_MINUTES = 15;

	private static final String COLUMNS = "id, patient_id, type, status, start_at, end_at, resource_id, staff_id, prescriber_id, "
			+ "course_id, session_number, series_id, series_index, status_reason, version, created_at, created_by, changed_at, "
			+ "changed_by, (SELECT kind FROM scheduling_resource r WHERE r.id = resource_id)";

	/** One live appointment as the checks need it. */
	record Busy(UUID id, @Nullable UUID resourceId, @Nullable UUID staffId, UUID patientId, Instant start, Instant end) {

		boolean overlaps(Instant from, Instant to) {
			return start.isBefore(to) && end.isAfter(from);
		}
	}

	/** Where and with whom an appointment takes place. */
	record Placement(UUID resourceId, UUID staffId, @Nullable UUID prescriberId) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final ClinicCalendar calendar;
	private final PatientRegistry patients;
	private final TreatmentCourses courses;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	AppointmentBook(JdbcTemplate jdbc, CurrentUser currentUser, ClinicCalendar calendar, PatientRegistry patients,
			TreatmentCourses courses, AuditTrail audit, ApplicationEventPublisher events, Clock clock, ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.calendar = calendar;
		this.patients = patients;
		this.courses = courses;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone.zone();
	}

	// Availability

	@Override
	@PreAuthorize(ClinicCalendar.STAFF)
	@Transactional(readOnly = true)
	public Availability availability(LocalDate date, AppointmentType type) {
		return new Availability(date, type, freeSlots(date, type, null, null));
	}

	/** Free slots of a day, for one patient (who must be free too) and from a time of day on, when given. */
	List<Slot> freeSlots(LocalDate date, AppointmentType type, @Nullable UUID patientId, @Nullable LocalTime notBefore) {
		Optional<ClinicCalendar.Span> open = calendar.openOn(date);
		if (open.isEmpty()) {
			return List.of();
		}
		List<ClinicCalendar.Resource> resources = usable(type);
		Map<UUID, ClinicCalendar.Span> staff = calendar.working(type.staffRole(), date);
		Map<UUID, ClinicCalendar.Span> prescribers = type.prescriberOnSite() ? calendar.working(Role.PHYSICIAN, date) : Map.of();
		Instant dayStart = date.atStartOfDay(zone).toInstant();
		List<Busy> busy = busy(dayStart, date.plusDays(1).atStartOfDay(zone).toInstant(), null);
		Instant now = clock.instant();
		List<Slot> slots = new ArrayList<>();
		LocalDateTime closes = date.atTime(open.get().to());
		LocalDateTime t = date.atTime(open.get().from());
		int offGrid = t.getMinute() % GRID_MINUTES;
		if (offGrid != 0 || t.getSecond() != 0) {
			t = t.withSecond(0).withNano(0).plusMinutes(GRID_MINUTES - offGrid);
		}
		for (; !t.plus(type.duration()).isAfter(closes); t = t.plusMinutes(GRID_MINUTES)) {
			if (notBefore != null && t.toLocalTime().isBefore(notBefore)) {
				continue;
			}
			Instant start = t.atZone(zone).toInstant();
			Instant end = start.plus(type.duration());
			if (start.isBefore(now) || (patientId != null && busy.stream().anyMatch(b -> b.patientId().equals(patientId) && b.overlaps(start, end)))) {
				continue;
			}
			UUID resource = resources.stream().map(ClinicCalendar.Resource::id)
				.filter(id -> busy.stream().noneMatch(b -> id.equals(b.resourceId()) && b.overlaps(start, end))).findFirst().orElse(null);
			UUID person = staff.entrySet().stream()
				.filter(s -> covers(date, s.getValue(), start, end))
				.map(Map.Entry::getKey)
				.filter(id -> busy.stream().noneMatch(b -> id.equals(b.staffId()) && b.overlaps(start, end))).findFirst().orElse(null);
			boolean prescriberOk = !type.prescriberOnSite() || prescribers.values().stream().anyMatch(s -> covers(date, s, start, end));
			if (resource != null && person != null && prescriberOk) {
				slots.add(type.dosing() ? new Slot(start, end, resource, null, person) : new Slot(start, end, null, resource, person));
			}
		}
		return slots;
	}

	// Booking

	@Override
	@PreAuthorize(BOOK)
	public List<AppointmentView> book(NewAppointment request) {
		FieldChecks checks = new FieldChecks();
		checks.require("patientId", request.patientId());
		AppointmentType type = checks.check("type", () -> Codes.parse(AppointmentType.class, request.type()));
		Instant start = checks.check("start", () -> instant(request.start()));
		Recurrence.Every every = null;
		int count = 1;
		if (request.repeat() != null) {
			every = checks.check("repeat.every", () -> Codes.parse(Recurrence.Every.class, request.repeat().every()));
			Integer n = request.repeat().count();
			checks.rule(n != null && n >= 1 && n <= Recurrence.MAX_COUNT, "repeat.count", "must be between 1 and " + Recurrence.MAX_COUNT);
			count = n == null ? 1 : n;
			checks.rule(type == null || !type.dosing(), "repeat",
					"dosing appointments follow the course plan: book them through the course instead of a series");
		}
		checks.include(resourceFieldChecks(type, request.chairId(), request.roomId()));
		checks.throwIfAny();
		mayBook(type);
		UUID patientId = Objects.requireNonNull(request.patientId());
		requirePatient(patientId);
		UUID resourceId = request.chairId() != null ? request.chairId() : request.roomId();
		if (every == null) {
			return List.of(insert(patientId, type, start, place(type, patientId, start, resourceId, request.staffId(), null), null, null,
					null, null));
		}
		UUID series = UUID.randomUUID();
		List<AppointmentView> booked = new ArrayList<>();
		List<ZonedDateTime> starts = Recurrence.occurrences(LocalDateTime.ofInstant(start, zone), zone, every, count);
		for (int i = 0; i < starts.size(); i++) {
			Instant at = starts.get(i).toInstant();
			String which = "occurrence " + (i + 1) + " on " + starts.get(i).toLocalDate() + ": ";
			try {
				booked.add(insert(patientId, type, at, place(type, patientId, at, resourceId, request.staffId(), null), null, null,
						series, i + 1));
			}
			catch (InvalidInput invalid) {
				throw new InvalidInput("repeat", which + invalid.problems().get(0).field() + " " + invalid.problems().get(0).message());
			}
			catch (Conflict conflict) {
				throw new Conflict(which + conflict.getMessage());
			}
			catch (RuleViolation violation) {
				throw new RuleViolation(which + violation.getMessage(), violation.findings());
			}
		}
		return booked;
	}

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	public List<AppointmentView> bookCourse(UUID courseId, @Nullable String firstStart, @Nullable String preferredTime) {
		FieldChecks checks = new FieldChecks();
		Instant first = checks.check("firstStart", () -> instant(firstStart));
		LocalTime preferred = preferredTime == null || preferredTime.isBlank() ? null
				: checks.check("preferredTime", () -> ClinicCalendar.time(preferredTime));
		checks.throwIfAny();
		CourseOutline course = courses.outline(courseId).orElseThrow(() -> new NotFound("Course", courseId));
		if (!"ACTIVE".equals(course.status())) {
			throw new Conflict("The course is " + course.status() + "; only an active course's sessions are booked");
		}
		requirePatient(course.patientId());
		AppointmentType type = AppointmentType.forRoute(course.route());
		ZonedDateTime firstLocal = first.atZone(zone);
		LocalTime timeOfDay = preferred != null ? preferred : firstLocal.toLocalTime();
		List<Integer> alreadyBooked = jdbc.queryForList("SELECT session_number FROM scheduling_appointment WHERE course_id = ? "
				+ "AND clinic_id = ? AND status IN ('BOOKED', 'COMPLETED')", Integer.class, courseId, currentUser.clinic().value());
		LocalDate previous = firstLocal.toLocalDate().minusDays(1);
		List<AppointmentView> booked = new ArrayList<>();
		List<RuleFinding> unplaced = new ArrayList<>();
		for (PlannedSessionView session : course.sessions()) {
			if (!"PLANNED".equals(session.status()) || alreadyBooked.contains(session.number())) {
				continue;
			}
			LocalDate from = max(session.earliestDate(), previous.plusDays(1));
			Slot chosen = null;
			for (LocalDate day = from; !day.isAfter(session.latestDate()) && chosen == null; day = day.plusDays(1)) {
				LocalTime notBefore = day.equals(firstLocal.toLocalDate()) && firstLocal.toLocalTime().isAfter(timeOfDay)
						? firstLocal.toLocalTime() : timeOfDay;
				chosen = freeSlots(day, type, course.patientId(), notBefore).stream().findFirst().orElse(null);
			}
			if (chosen == null) {
				unplaced.add(new RuleFinding("SESSION_NOT_PLACED", "BLOCK", "Session " + session.number() + ": no free chair and "
						+ type.staffRole().label().toLowerCase() + " between " + from + " and " + session.latestDate() + " at or after "
						+ timeOfDay + (type.prescriberOnSite() ? " with a prescriber on site" : "")));
				continue;
			}
			UUID resource = chosen.chairId() != null ? chosen.chairId() : chosen.roomId();
			booked.add(insert(course.patientId(), type, chosen.start(),
					place(type, course.patientId(), chosen.start(), resource, chosen.staffId(), null), courseId, session.number(), null,
					null));
			previous = chosen.start().atZone(zone).toLocalDate();
		}
		if (!unplaced.isEmpty()) {
			throw new RuleViolation("Some planned sessions do not fit inside their date windows; nothing was booked", unplaced);
		}
		return booked;
	}

	// Changes

	@Override
	@PreAuthorize(BOOK)
	public AppointmentView reschedule(UUID appointmentId, Reschedule request) {
		AppointmentView current = load(appointmentId);
		mayBook(current.type());
		FieldChecks checks = new FieldChecks();
		Instant start = checks.check("start", () -> instant(request.start()));
		String reason = checks.check("reason", () -> ClinicCalendar.text(request.reason(), 500));
		checks.require("version", request.version());
		checks.include(resourceFieldChecks(current.type(), request.chairId(), request.roomId()));
		checks.throwIfAny();
		requireVersion(current, request.version());
		requireBooked(current);
		requireInsideSessionWindow(current, start);
		UUID wantedResource = request.chairId() != null ? request.chairId() : request.roomId();
		Placement placement;
		if (wantedResource == null && request.staffId() == null) {
			// Keep the chair and person when they are free at the new time; otherwise any free ones.
			Placement same = tryPlace(current.type(), current.patientId(), start, resourceOf(current), current.staffId(), current.id());
			placement = same != null ? same : place(current.type(), current.patientId(), start, null, null, current.id());
		}
		else {
			placement = place(current.type(), current.patientId(), start,
					wantedResource != null ? wantedResource : resourceOf(current),
					request.staffId() != null ? request.staffId() : current.staffId(), current.id());
		}
		ClinicUser user = currentUser.get();
		int changed = translated(() -> jdbc.update("UPDATE scheduling_appointment SET start_at = ?, end_at = ?, resource_id = ?, "
				+ "staff_id = ?, prescriber_id = ?, status_reason = ?, version = version + 1, changed_at = ?, changed_by = ? "
				+ "WHERE id = ? AND clinic_id = ? AND version = ?", Timestamp.from(start), Timestamp.from(start.plus(current.type().duration())),
				placement.resourceId(), placement.staffId(), placement.prescriberId(), reason, Timestamp.from(clock.instant()),
				user.username(), appointmentId, user.clinicId().value(), request.version()));
		if (changed == 0) {
			throw new OptimisticLockingFailureException("stale appointment");
		}
		AppointmentView moved = changed(appointmentId, "RESCHEDULED", reason, AuditAction.UPDATE);
		events.publishEvent(new AppointmentRescheduled(moved.id(), user.clinicId(), moved.patientId(), moved.type(), current.start(),
				moved.start(), moved.end(), placeName(placement.resourceId())));
		return moved;
	}

	@Override
	@PreAuthorize(BOOK)
	public AppointmentView cancel(UUID appointmentId, @Nullable String reason, @Nullable Long version) {
		AppointmentView current = load(appointmentId);
		mayBook(current.type());
		String why = check("reason", () -> ClinicCalendar.text(reason, 500));
		if (version != null) {
			requireVersion(current, version);
		}
		requireBooked(current);
		setStatus(current, AppointmentStatus.CANCELLED, why);
		events.publishEvent(new AppointmentCancelled(current.id(), currentUser.clinic(), current.patientId(), current.type(),
				current.start()));
		return changed(appointmentId, "CANCELLED", why, AuditAction.VOID);
	}

	@Override
	@PreAuthorize(BOOK)
	public AppointmentView noShow(UUID appointmentId, @Nullable String reason) {
		AppointmentView current = load(appointmentId);
		mayBook(current.type());
		requireBooked(current);
		if (clock.instant().isBefore(current.start())) {
			throw new Conflict("A no-show is recorded only after the appointment's start time");
		}
		String why = reason == null || reason.isBlank() ? null : check("reason", () -> ClinicCalendar.text(reason, 500));
		setStatus(current, AppointmentStatus.NO_SHOW, why);
		return changed(appointmentId, "NO_SHOW", why, AuditAction.UPDATE);
	}

	@Override
	@PreAuthorize(BOOK)
	public AppointmentView complete(UUID appointmentId) {
		AppointmentView current = load(appointmentId);
		mayBook(current.type());
		requireBooked(current);
		if (clock.instant().isBefore(current.start())) {
			throw new Conflict("An appointment is completed only after its start time");
		}
		setStatus(current, AppointmentStatus.COMPLETED, null);
		return changed(appointmentId, "COMPLETED", null, AuditAction.UPDATE);
	}

	// Reading: not read-only transactions, because the audit entry of the read joins them

	@Override
	@PreAuthorize(BOOK)
	public Optional<AppointmentView> find(UUID appointmentId) {
		Optional<AppointmentView> found = jdbc.query("SELECT " + COLUMNS + " FROM scheduling_appointment WHERE id = ? AND clinic_id = ?",
				AppointmentBook::view, appointmentId, currentUser.clinic().value()).stream().findFirst();
		found.ifPresent(a -> audit.read(a.patientId(), RESOURCE, a.id()));
		return found;
	}

	@Override
	@PreAuthorize(BOOK)
	public List<AppointmentView> list(Instant from, Instant to, @Nullable UUID resourceId, @Nullable UUID staffId,
			@Nullable UUID patientId) {
		if (!to.isAfter(from)) {
			throw new InvalidInput("to", "must be after from");
		}
		List<AppointmentView> found = jdbc.query("SELECT " + COLUMNS + " FROM scheduling_appointment WHERE clinic_id = ? "
				+ "AND start_at >= ? AND start_at < ? AND (CAST(? AS UUID) IS NULL OR resource_id = ?) "
				+ "AND (CAST(? AS UUID) IS NULL OR staff_id = ?) AND (CAST(? AS UUID) IS NULL OR patient_id = ?) ORDER BY start_at, id",
				AppointmentBook::view, currentUser.clinic().value(), Timestamp.from(from), Timestamp.from(to), resourceId, resourceId,
				staffId, staffId, patientId, patientId);
		if (patientId != null) {
			audit.read(patientId, RESOURCE, null);
		}
		else {
			audit.searched(RESOURCE, found.size());
		}
		return found;
	}

	@Override
	@PreAuthorize(BOOK)
	public List<AppointmentView> ofPatient(UUID patientId) {
		requirePatient(patientId);
		return list(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), null, null, patientId);
	}

	@Override
	@PreAuthorize(BOOK)
	public List<ChangeView> history(UUID appointmentId) {
		AppointmentView appointment = find(appointmentId).orElseThrow(() -> new NotFound(RESOURCE, appointmentId));
		return jdbc.query("SELECT action, status, start_at, end_at, resource_id, staff_id, reason, changed_at, changed_by "
				+ "FROM scheduling_appointment_change WHERE appointment_id = ? ORDER BY changed_at, id",
				(rs, row) -> new ChangeView(rs.getString(1), AppointmentStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
						rs.getTimestamp(8).toInstant(), rs.getString(9)), appointment.id());
	}

	// The rules

	/**
	 * Checks one appointment's time, chair or room, person and prescriber, choosing free ones where
	 * the request leaves them out. {@code excluding} is the appointment being moved.
	 */
	Placement place(AppointmentType type, UUID patientId, Instant start, @Nullable UUID resourceId, @Nullable UUID staffId,
			@Nullable UUID excluding) {
		Instant end = start.plus(type.duration());
		LocalDate date = start.atZone(zone).toLocalDate();
		String resourceField = type.dosing() ? "chairId" : "roomId";
		if (start.isBefore(clock.instant())) {
			throw new InvalidInput("start", "is in the past");
		}
		ClinicCalendar.Span open = calendar.openOn(date)
			.orElseThrow(() -> new InvalidInput("start", "the clinic is closed on " + date));
		if (start.isBefore(date.atTime(open.from()).atZone(zone).toInstant()) || end.isAfter(date.atTime(open.to()).atZone(zone).toInstant())) {
			throw new InvalidInput("start", "a " + type.duration().toMinutes() + "-minute " + type + " must fit inside the opening hours "
					+ open.from() + " to " + open.to());
		}
		List<Busy> busy = busy(start, end, excluding);
		if (busy.stream().anyMatch(b -> b.patientId().equals(patientId))) {
			throw new Conflict("The patient already has an appointment at that time");
		}
		UUID resource;
		if (resourceId != null) {
			ClinicCalendar.Resource chosen = calendar.resource(resourceId)
				.orElseThrow(() -> new InvalidInput(resourceField, "is not a " + kindLabel(type) + " of this clinic"));
			if (chosen.kind() != type.resourceKind() || !chosen.active()) {
				throw new InvalidInput(resourceField, "is not an active " + kindLabel(type));
			}
			if (!chosen.has(type.capability())) {
				throw new RuleViolation("The " + kindLabel(type) + " lacks equipment this appointment needs",
						List.of(new RuleFinding("CAPABILITY_REQUIRED", "BLOCK", type + " needs a " + kindLabel(type) + " with "
								+ type.capability())));
			}
			if (busy.stream().anyMatch(b -> resourceId.equals(b.resourceId()))) {
				throw new Conflict("The " + kindLabel(type) + " is taken at that time");
			}
			resource = resourceId;
		}
		else {
			resource = usable(type).stream().map(ClinicCalendar.Resource::id)
				.filter(id -> busy.stream().noneMatch(b -> id.equals(b.resourceId()))).findFirst()
				.orElseThrow(() -> new Conflict("No " + kindLabel(type) + (type.capability() == null ? "" : " with " + type.capability())
						+ " is free at that time"));
		}
		Map<UUID, ClinicCalendar.Span> working = calendar.working(type.staffRole(), date);
		UUID person;
		if (staffId != null) {
			if (calendar.roleOf(staffId) != type.staffRole()) {
				throw new InvalidInput("staffId", "must be a " + type.staffRole().label().toLowerCase() + " for " + type);
			}
			ClinicCalendar.Span hours = working.get(staffId);
			if (hours == null || !covers(date, hours, start, end)) {
				throw new RuleViolation("The chosen staff member is not working for the whole appointment",
						List.of(new RuleFinding("STAFF_HOURS", "BLOCK", "The " + type.staffRole().label().toLowerCase()
								+ " must be working from start to end")));
			}
			if (busy.stream().anyMatch(b -> staffId.equals(b.staffId()))) {
				throw new Conflict("The staff member is taken at that time");
			}
			person = staffId;
		}
		else {
			person = working.entrySet().stream().filter(s -> covers(date, s.getValue(), start, end)).map(Map.Entry::getKey)
				.filter(id -> busy.stream().noneMatch(b -> id.equals(b.staffId()))).findFirst()
				.orElseThrow(() -> new Conflict("No " + type.staffRole().label().toLowerCase() + " is working and free for the whole time"));
		}
		UUID prescriber = null;
		if (type.prescriberOnSite()) {
			prescriber = calendar.working(Role.PHYSICIAN, date).entrySet().stream().filter(s -> covers(date, s.getValue(), start, end))
				.map(Map.Entry::getKey).findFirst()
				.orElseThrow(() -> new RuleViolation("No prescriber is on site for the whole esketamine session",
						List.of(new RuleFinding("PRESCRIBER_ON_SITE", "BLOCK",
								"Esketamine REMS: a prescriber must be on site from dosing until discharge"))));
		}
		return new Placement(resource, person, prescriber);
	}

	private @Nullable Placement tryPlace(AppointmentType type, UUID patientId, Instant start, @Nullable UUID resourceId,
			@Nullable UUID staffId, UUID excluding) {
		try {
			return place(type, patientId, start, resourceId, staffId, excluding);
		}
		catch (Conflict | RuleViolation | InvalidInput unavailable) {
			if (unavailable instanceof InvalidInput invalid && invalid.problems().stream().anyMatch(p -> p.field().equals("start"))) {
				throw invalid;
			}
			return null;
		}
	}

	private @Nullable String placeName(@Nullable UUID resourceId) {
		return resourceId == null ? null : calendar.resource(resourceId).map(ClinicCalendar.Resource::name).orElse(null);
	}

	private AppointmentView insert(UUID patientId, AppointmentType type, Instant start, Placement placement, @Nullable UUID courseId,
			@Nullable Integer sessionNumber, @Nullable UUID seriesId, @Nullable Integer seriesIndex) {
		ClinicUser user = currentUser.get();
		UUID id = UUID.randomUUID();
		translated(() -> jdbc.update("INSERT INTO scheduling_appointment (id, clinic_id, patient_id, type, start_at, end_at, resource_id, "
				+ "staff_id, prescriber_id, course_id, session_number, series_id, series_index, status, version, created_at, created_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', 0, ?, ?)", id, user.clinicId().value(), patientId, type.name(),
				Timestamp.from(start), Timestamp.from(start.plus(type.duration())), placement.resourceId(), placement.staffId(),
				placement.prescriberId(), courseId, sessionNumber, seriesId, seriesIndex, Timestamp.from(clock.instant()), user.username()));
		AppointmentView booked = changed(id, "BOOKED", null, AuditAction.CREATE);
		events.publishEvent(new AppointmentBooked(id, user.clinicId(), patientId, type, booked.start(), booked.end(), courseId,
				sessionNumber, placeName(placement.resourceId())));
		return booked;
	}

	private void setStatus(AppointmentView current, AppointmentStatus status, @Nullable String reason) {
		ClinicUser user = currentUser.get();
		int changed = jdbc.update("UPDATE scheduling_appointment SET status = ?, status_reason = ?, version = version + 1, changed_at = ?, "
				+ "changed_by = ? WHERE id = ? AND clinic_id = ? AND version = ?", status.name(), reason, Timestamp.from(clock.instant()),
				user.username(), current.id(), user.clinicId().value(), current.version());
		if (changed == 0) {
			throw new OptimisticLockingFailureException("stale appointment");
		}
	}

	/** Records the change with who, when and why, audits it, and returns the appointment as it now is. */
	private AppointmentView changed(UUID id, String action, @Nullable String reason, AuditAction auditAction) {
		AppointmentView now = jdbc.queryForObject("SELECT " + COLUMNS + " FROM scheduling_appointment WHERE id = ?", AppointmentBook::view, id);
		ClinicUser user = currentUser.get();
		jdbc.update("INSERT INTO scheduling_appointment_change (id, appointment_id, clinic_id, action, status, start_at, end_at, resource_id, "
				+ "staff_id, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id,
				user.clinicId().value(), action, now.status().name(), Timestamp.from(now.start()), Timestamp.from(now.end()),
				resourceOf(now), now.staffId(), reason, Timestamp.from(clock.instant()), user.username());
		audit.changed(now.patientId(), RESOURCE, id, auditAction);
		return now;
	}

	/** Turns the database's refusal of an overlap into 409 naming what was taken. */
	private int translated(java.util.function.IntSupplier write) {
		try {
			return write.getAsInt();
		}
		catch (DataIntegrityViolationException refused) {
			String message = String.valueOf(refused.getMostSpecificCause().getMessage());
			if (message.contains("scheduling_appointment_resource_free")) {
				throw new Conflict("The chair or room was just booked by someone else for an overlapping time");
			}
			if (message.contains("scheduling_appointment_staff_free")) {
				throw new Conflict("The staff member was just booked by someone else for an overlapping time");
			}
			if (message.contains("scheduling_appointment_patient_free")) {
				throw new Conflict("The patient was just booked for an overlapping time");
			}
			if (message.contains("scheduling_appointment_course_session")) {
				throw new Conflict("This course session already has an appointment");
			}
			throw refused;
		}
		catch (ConcurrencyFailureException raced) {
			throw new Conflict("Another booking for the same time was being made; try again");
		}
	}

	private List<Busy> busy(Instant from, Instant to, @Nullable UUID excluding) {
		return jdbc.query("SELECT id, resource_id, staff_id, patient_id, start_at, end_at FROM scheduling_appointment WHERE clinic_id = ? "
				+ "AND status <> 'CANCELLED' AND start_at < ? AND end_at > ? AND id <> ?", (rs, row) -> new Busy(rs.getObject(1, UUID.class),
						rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(),
						rs.getTimestamp(6).toInstant()), currentUser.clinic().value(), Timestamp.from(to), Timestamp.from(from),
				excluding == null ? new UUID(0, 0) : excluding);
	}

	private List<ClinicCalendar.Resource> usable(AppointmentType type) {
		return calendar.resources(type.resourceKind()).stream().filter(r -> r.active() && r.has(type.capability())).toList();
	}

	private boolean covers(LocalDate date, ClinicCalendar.Span hours, Instant start, Instant end) {
		return !start.isBefore(date.atTime(hours.from()).atZone(zone).toInstant())
				&& !end.isAfter(date.atTime(hours.to()).atZone(zone).toInstant());
	}

	private AppointmentView load(UUID id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM scheduling_appointment WHERE id = ? AND clinic_id = ?", AppointmentBook::view, id,
				currentUser.clinic().value()).stream().findFirst().orElseThrow(() -> new NotFound(RESOURCE, id));
	}

	/** A course session moves only inside the date window its protocol gives it. */
	private void requireInsideSessionWindow(AppointmentView appointment, Instant start) {
		if (appointment.courseId() == null || appointment.sessionNumber() == null) {
			return;
		}
		LocalDate day = start.atZone(zone).toLocalDate();
		courses.outline(appointment.courseId()).flatMap(course -> course.sessions().stream()
			.filter(session -> session.number() == appointment.sessionNumber()).findFirst())
			.filter(session -> day.isBefore(session.earliestDate()) || day.isAfter(session.latestDate()))
			.ifPresent(session -> {
				throw new RuleViolation("The new date is outside the session's window",
						List.of(new RuleFinding("SESSION_WINDOW", "BLOCK", "Session " + session.number() + " belongs between "
								+ session.earliestDate() + " and " + session.latestDate())));
			});
	}

	private void requirePatient(UUID patientId) {
		PatientRegistry.PatientSummary patient = patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		if (patient.voided()) {
			throw new InvalidInput("patientId", "the patient record is voided");
		}
	}

	/** Therapists book their own kind of appointment only. */
	private void mayBook(@Nullable AppointmentType type) {
		if (currentUser.get().role() == Role.THERAPIST && type != AppointmentType.INTEGRATION_THERAPY) {
			throw new AccessDeniedException("A therapist books integration therapy only");
		}
	}

	private static void requireVersion(AppointmentView current, @Nullable Long version) {
		if (version != null && version != current.version()) {
			throw new OptimisticLockingFailureException("stale appointment");
		}
	}

	private static void requireBooked(AppointmentView current) {
		if (current.status() != AppointmentStatus.BOOKED) {
			throw new Conflict("The appointment is " + current.status() + "; only a booked appointment can be changed");
		}
	}

	private static FieldChecks resourceFieldChecks(@Nullable AppointmentType type, @Nullable UUID chairId, @Nullable UUID roomId) {
		FieldChecks checks = new FieldChecks();
		if (type != null) {
			checks.rule(chairId == null || type.dosing(), "chairId", "is for dosing appointments; " + type + " takes a room");
			checks.rule(roomId == null || !type.dosing(), "roomId", "is for talking appointments; " + type + " takes a chair");
		}
		return checks;
	}

	private static @Nullable UUID resourceOf(AppointmentView appointment) {
		return appointment.chairId() != null ? appointment.chairId() : appointment.roomId();
	}

	private static String kindLabel(AppointmentType type) {
		return type.resourceKind() == ResourceKind.CHAIR ? "chair" : "room";
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static <T> T check(String field, java.util.function.Supplier<T> value) {
		FieldChecks checks = new FieldChecks();
		T result = checks.check(field, value);
		checks.throwIfAny();
		return Objects.requireNonNull(result);
	}

	/** An instant with offset, or a local date-time read on the clinic's wall clock. */
	Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
			}
			catch (DateTimeParseException bad) {
				throw new IllegalArgumentException("must be a date-time such as 2026-12-01T14:00:00Z");
			}
		}
	}

	private static AppointmentView view(ResultSet rs, int row) throws SQLException {
		UUID resource = rs.getObject(7, UUID.class);
		boolean chair = "CHAIR".equals(rs.getString(20));
		Timestamp changedAt = rs.getTimestamp(18);
		return new AppointmentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), AppointmentType.valueOf(rs.getString(3)),
				AppointmentStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
				chair ? resource : null, chair ? null : resource, rs.getObject(8, UUID.class), rs.getObject(9, UUID.class),
				rs.getObject(10, UUID.class), (Integer) rs.getObject(11), rs.getObject(12, UUID.class), (Integer) rs.getObject(13),
				rs.getString(14), rs.getLong(15), rs.getTimestamp(16).toInstant(), rs.getString(17),
				changedAt == null ? null : changedAt.toInstant(), rs.getString(19));
	}
}
