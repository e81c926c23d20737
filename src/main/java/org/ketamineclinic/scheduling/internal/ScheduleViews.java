package org.ketamineclinic.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.ResourceKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the front desk looks at: a day per chair and room, a week per clinician, and the capacity
 * report. Reads are audited as searches of appointments and, because the audit writes, run in
 * writable transactions. Administrators see the calendar's occupancy but no patient names, as they
 * see no charts elsewhere.
 */
@Service
@Transactional
class ScheduleViews {

	static final String REPORT = "hasAnyRole('ADMIN','FRONT_DESK','PHYSICIAN')";
	/** A year and a day: enough for a yearly report, small enough to answer quickly. */
	static final int MAX_REPORT_DAYS = 366;

	/** One appointment on a timeline; {@code left} and {@code width} are percentages of the opening hours. */
	record Block(UUID id, AppointmentType type, AppointmentStatus status, Instant start, Instant end, LocalTime startTime,
			LocalTime endTime, @Nullable String patientName, @Nullable String staffName, @Nullable UUID resourceId,
			@Nullable String resourceName, double left, double width, long version, boolean started, String typeLabel) {
	}

	record Row(UUID resourceId, String name, ResourceKind kind, List<Block> blocks) {
	}

	record Tick(String label, double left) {
	}

	/** {@code opens} and {@code closes} are null when the clinic is closed that day. */
	record Day(LocalDate date, @Nullable LocalTime opens, @Nullable LocalTime closes, List<Row> rows, List<Tick> ticks,
			List<Block> appointments, boolean namesShown) {

		boolean open() {
			return opens != null;
		}
	}

	record StaffMember(UUID userId, String displayName, Role role) {
	}

	record WeekDay(LocalDate date, @Nullable LocalTime works, @Nullable LocalTime until, boolean clinicOpen, List<Block> appointments) {
	}

	record Week(StaffMember staff, LocalDate monday, List<WeekDay> days, boolean namesShown) {
	}

	/**
	 * @param utilisation booked over open chair minutes; null on a closed day
	 * @param monitoringMinutes minutes of booked or completed dosing appointments: chair time a nurse watches
	 */
	record DayCapacity(LocalDate date, long openChairMinutes, long bookedChairMinutes, @Nullable Double utilisation,
			long monitoringMinutes) {
	}

	/** @param noShowRate no-shows over completed plus no-shows in the period; null when neither happened */
	record Capacity(LocalDate from, LocalDate to, int chairs, List<DayCapacity> days, long completed, long noShows,
			@Nullable Double noShowRate) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final ClinicCalendar calendar;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final ZoneId zone;
	private final Clock clock;

	ScheduleViews(JdbcTemplate jdbc, CurrentUser currentUser, ClinicCalendar calendar, PatientRegistry patients, AuditTrail audit,
			ClinicTimeZone zone, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.calendar = calendar;
		this.patients = patients;
		this.audit = audit;
		this.zone = zone.zone();
	}

	/** An appointment row as the views need it. */
	private record Stored(UUID id, UUID patientId, AppointmentType type, AppointmentStatus status, Instant start, Instant end,
			@Nullable UUID resourceId, @Nullable UUID staffId, long version) {
	}

	@PreAuthorize(ClinicCalendar.STAFF)
	Day day(LocalDate date) {
		List<ClinicCalendar.Resource> resources = calendar.resources(null).stream().filter(ClinicCalendar.Resource::active)
			.sorted((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.name().compareTo(b.name())).toList();
		Optional<ClinicCalendar.Span> open = calendar.openOn(date);
		List<Stored> found = appointments(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(), null);
		Names names = names(found);
		LocalTime opens = open.map(ClinicCalendar.Span::from).orElse(null);
		LocalTime closes = open.map(ClinicCalendar.Span::to).orElse(null);
		Map<UUID, String> resourceNames = resources.stream().collect(Collectors.toMap(ClinicCalendar.Resource::id,
				ClinicCalendar.Resource::name));
		List<Block> blocks = found.stream().map(a -> block(a, date, opens, closes, names, resourceNames)).toList();
		List<Row> rows = new ArrayList<>();
		for (ClinicCalendar.Resource resource : resources) {
			rows.add(new Row(resource.id(), resource.name(), resource.kind(),
					blocks.stream().filter(b -> resource.id().equals(b.resourceId())).toList()));
		}
		List<Tick> ticks = new ArrayList<>();
		if (opens != null && closes != null) {
			for (LocalTime t = opens.truncatedTo(ChronoUnit.HOURS); !t.isAfter(closes); t = t.plusHours(1)) {
				if (!t.isBefore(opens)) {
					ticks.add(new Tick(t.toString(), percent(opens, closes, t)));
				}
				if (t.equals(LocalTime.of(23, 0))) {
					break;
				}
			}
		}
		return new Day(date, opens, closes, rows, ticks, blocks, names.shown());
	}

	@PreAuthorize(ClinicCalendar.STAFF)
	List<StaffMember> bookableStaff() {
		return calendar.staffHours().stream().map(s -> new StaffMember(s.userId(), s.displayName(), s.role()))
			.sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
	}

	@PreAuthorize(ClinicCalendar.STAFF)
	Week week(UUID staffId, LocalDate anyDay) {
		ClinicCalendar.StaffHours person = calendar.staffHours().stream().filter(s -> s.userId().equals(staffId)).findFirst()
			.orElseThrow(() -> new NotFound("Staff member", staffId));
		LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Stored> found = appointments(monday.atStartOfDay(zone).toInstant(), monday.plusDays(7).atStartOfDay(zone).toInstant(),
				staffId);
		Names names = names(found);
		Map<UUID, String> resourceNames = calendar.resources(null).stream().collect(Collectors.toMap(ClinicCalendar.Resource::id,
				ClinicCalendar.Resource::name));
		List<WeekDay> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate date = monday.plusDays(i);
			ClinicCalendar.Span hours = person.hours().stream().filter(s -> s.weekday() == date.getDayOfWeek()).findFirst().orElse(null);
			Optional<ClinicCalendar.Span> open = calendar.openOn(date);
			List<Block> blocks = found.stream().filter(a -> a.start().atZone(zone).toLocalDate().equals(date))
				.map(a -> block(a, date, open.map(ClinicCalendar.Span::from).orElse(null), open.map(ClinicCalendar.Span::to).orElse(null),
						names, resourceNames))
				.toList();
			days.add(new WeekDay(date, hours == null ? null : hours.from(), hours == null ? null : hours.to(), open.isPresent(), blocks));
		}
		return new Week(new StaffMember(person.userId(), person.displayName(), person.role()), monday, days, names.shown());
	}

	@PreAuthorize(REPORT)
	Capacity capacity(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInput("to", "must be on or after from");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_REPORT_DAYS) {
			throw new InvalidInput("to", "the period is at most " + MAX_REPORT_DAYS + " days");
		}
		UUID clinic = currentUser.clinic().value();
		int chairs = (int) calendar.resources(ResourceKind.CHAIR).stream().filter(ClinicCalendar.Resource::active).count();
		Map<DayOfWeek, ClinicCalendar.Span> hours = new HashMap<>();
		calendar.openingHours().forEach(span -> hours.put(span.weekday(), span));
		Set<LocalDate> closed = calendar.closures().stream().map(ClinicCalendar.Closure::date).collect(Collectors.toSet());
		String dosing = java.util.Arrays.stream(AppointmentType.values()).filter(AppointmentType::dosing)
			.map(t -> "'" + t.name() + "'").collect(Collectors.joining(","));
		Map<LocalDate, long[]> used = new HashMap<>();
		long[] outcomes = new long[2];
		jdbc.query("SELECT CAST(a.start_at AT TIME ZONE ? AS DATE), "
				+ "COALESCE(SUM(EXTRACT(EPOCH FROM a.end_at - a.start_at)) FILTER (WHERE r.kind = 'CHAIR' AND a.status <> 'CANCELLED'), 0), "
				+ "COALESCE(SUM(EXTRACT(EPOCH FROM a.end_at - a.start_at)) FILTER (WHERE a.type IN (" + dosing + ") "
				+ "AND a.status IN ('BOOKED', 'COMPLETED')), 0), "
				+ "COUNT(*) FILTER (WHERE a.status = 'COMPLETED'), COUNT(*) FILTER (WHERE a.status = 'NO_SHOW') "
				+ "FROM scheduling_appointment a LEFT JOIN scheduling_resource r ON r.id = a.resource_id "
				+ "WHERE a.clinic_id = ? AND a.start_at >= ? AND a.start_at < ? GROUP BY 1", rs -> {
					used.put(rs.getObject(1, LocalDate.class), new long[] { rs.getLong(2) / 60, rs.getLong(3) / 60 });
					outcomes[0] += rs.getLong(4);
					outcomes[1] += rs.getLong(5);
				}, zone.getId(), clinic, Timestamp.from(from.atStartOfDay(zone).toInstant()),
				Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		List<DayCapacity> days = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			ClinicCalendar.Span span = closed.contains(date) ? null : hours.get(date.getDayOfWeek());
			long open = span == null ? 0 : Duration.between(span.from(), span.to()).toMinutes() * chairs;
			long[] day = used.getOrDefault(date, new long[2]);
			days.add(new DayCapacity(date, open, day[0], open == 0 ? null : (double) day[0] / open, day[1]));
		}
		long finished = outcomes[0] + outcomes[1];
		return new Capacity(from, to, chairs, days, outcomes[0], outcomes[1], finished == 0 ? null : (double) outcomes[1] / finished);
	}

	private List<Stored> appointments(Instant from, Instant to, @Nullable UUID staffId) {
		List<Stored> found = jdbc.query("SELECT id, patient_id, type, status, start_at, end_at, resource_id, staff_id, version "
				+ "FROM scheduling_appointment WHERE clinic_id = ? AND start_at >= ? AND start_at < ? AND status <> 'CANCELLED' "
				+ "AND (CAST(? AS UUID) IS NULL OR staff_id = ?) ORDER BY start_at, id",
				(rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), AppointmentType.valueOf(rs.getString(3)),
						AppointmentStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
						rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getLong(9)),
				currentUser.clinic().value(), Timestamp.from(from), Timestamp.from(to), staffId, staffId);
		audit.searched(AppointmentBook.RESOURCE, found.size());
		return found;
	}

	private record Names(Map<UUID, String> patients, Map<UUID, String> staff, boolean shown) {
	}

	/** Patient names through the registry (its permission and audit); none for administrators. */
	private Names names(List<Stored> found) {
		Map<UUID, String> staff = calendar.staffHours().stream().collect(Collectors.toMap(ClinicCalendar.StaffHours::userId,
				ClinicCalendar.StaffHours::displayName, (a, b) -> a));
		if (currentUser.get().role() == Role.ADMIN) {
			return new Names(Map.of(), staff, false);
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Stored a : found) {
			names.computeIfAbsent(a.patientId(), id -> patients.find(id).map(p -> p.familyName() + ", " + p.givenName()).orElse("?"));
		}
		return new Names(names, staff, true);
	}

	private Block block(Stored a, LocalDate date, @Nullable LocalTime opens, @Nullable LocalTime closes, Names names,
			Map<UUID, String> resourceNames) {
		LocalTime startTime = a.start().atZone(zone).toLocalTime();
		LocalTime endTime = a.end().atZone(zone).toLocalTime();
		double left = 0;
		double width = 0;
		if (opens != null && closes != null) {
			left = percent(opens, closes, startTime);
			double right = a.end().atZone(zone).toLocalDate().isAfter(date) ? 100 : percent(opens, closes, endTime);
			width = Math.max(0, right - left);
		}
		return new Block(a.id(), a.type(), a.status(), a.start(), a.end(), startTime, endTime, names.patients().get(a.patientId()),
				a.staffId() == null ? null : names.staff().get(a.staffId()), a.resourceId(),
				a.resourceId() == null ? null : resourceNames.get(a.resourceId()), left, width, a.version(),
				!a.start().isAfter(clock.instant()), a.type().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
	}

	private static double percent(LocalTime opens, LocalTime closes, LocalTime at) {
		double span = Duration.between(opens, closes).toMinutes();
		double minutes = Duration.between(opens, at).toMinutes();
		double value = Math.max(0, Math.min(100, minutes * 100 / span));
		return Math.round(value * 100) / 100.0;
	}
}
