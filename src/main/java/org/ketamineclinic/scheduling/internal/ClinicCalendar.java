package org.ketamineclinic.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.scheduling.Capability;
import org.ketamineclinic.scheduling.ResourceKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's calendar as an administrator keeps it: chairs and rooms with their equipment,
 * opening hours per weekday, closure dates, and each staff member's working hours per weekday.
 * None of it is patient data, so every staff role may read it.
 */
@Service
@Transactional
class ClinicCalendar {

	static final String MANAGE = "hasRole('ADMIN')";
	static final String STAFF = "hasAnyRole('ADMIN','PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')";
	/** Roles whose working hours the calendar keeps: the people appointments are booked with. */
	static final Set<Role> BOOKABLE_ROLES = EnumSet.of(Role.PHYSICIAN, Role.NURSE, Role.THERAPIST);

	record Resource(UUID id, ResourceKind kind, String name, Set<Capability> capabilities, boolean active, long version) {

		boolean has(@Nullable Capability capability) {
			return capability == null || capabilities.contains(capability);
		}
	}

	record ResourceRequest(@Nullable String name, @Nullable List<String> capabilities, @Nullable Boolean active,
			@Nullable Long version) {
	}

	/** Times as hh:mm; weekday as MONDAY..SUNDAY. The same names as {@link Span}, which answers. */
	record Hours(@Nullable String weekday, @Nullable String from, @Nullable String to) {
	}

	record HoursRequest(@Nullable List<Hours> hours) {
	}

	record Closure(LocalDate date, String reason) {
	}

	record ClosureRequest(@Nullable String date, @Nullable String reason) {
	}

	/** Opening or working hours of one weekday. */
	record Span(DayOfWeek weekday, LocalTime from, LocalTime to) {
	}

	record StaffHours(UUID userId, String username, String displayName, Role role, List<Span> hours) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Accounts accounts;
	private final Clock clock;

	ClinicCalendar(JdbcTemplate jdbc, CurrentUser currentUser, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.clock = clock;
	}

	// Chairs and rooms

	@PreAuthorize(STAFF)
	@Transactional(readOnly = true)
	List<Resource> resources(@Nullable ResourceKind kind) {
		return jdbc.query("SELECT id, kind, name, capabilities, active, version FROM scheduling_resource WHERE clinic_id = ? "
				+ "AND (CAST(? AS VARCHAR) IS NULL OR kind = ?) ORDER BY kind, name", (rs, row) -> new Resource(rs.getObject(1, UUID.class),
						ResourceKind.valueOf(rs.getString(2)), rs.getString(3), capabilities(rs.getString(4)), rs.getBoolean(5),
						rs.getLong(6)), clinic().value(), kind == null ? null : kind.name(), kind == null ? null : kind.name());
	}

	/** A chair or room of the caller's clinic. */
	Optional<Resource> resource(UUID id) {
		return jdbc.query("SELECT id, kind, name, capabilities, active, version FROM scheduling_resource WHERE clinic_id = ? AND id = ?",
				(rs, row) -> new Resource(rs.getObject(1, UUID.class), ResourceKind.valueOf(rs.getString(2)), rs.getString(3),
						capabilities(rs.getString(4)), rs.getBoolean(5), rs.getLong(6)), clinic().value(), id).stream().findFirst();
	}

	@PreAuthorize(MANAGE)
	Resource addResource(ResourceKind kind, ResourceRequest request) {
		FieldChecks checks = new FieldChecks();
		String name = checks.check("name", () -> text(request.name(), 100));
		Set<Capability> capabilities = checks.check("capabilities", () -> parseCapabilities(request.capabilities()));
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		UUID id = UUID.randomUUID();
		try {
			jdbc.update("INSERT INTO scheduling_resource (id, clinic_id, kind, name, capabilities, active, created_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, user.clinicId().value(), kind.name(), name, join(capabilities),
					!Boolean.FALSE.equals(request.active()), Timestamp.from(clock.instant()), user.username());
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("name", "the clinic already has a chair or room of this name");
		}
		return resource(id).orElseThrow();
	}

	@PreAuthorize(MANAGE)
	Resource changeResource(UUID id, ResourceRequest request) {
		Resource current = resource(id).orElseThrow(() -> new NotFound("Chair or room", id));
		FieldChecks checks = new FieldChecks();
		String name = request.name() == null ? current.name() : checks.check("name", () -> text(request.name(), 100));
		Set<Capability> capabilities = request.capabilities() == null ? current.capabilities()
				: checks.check("capabilities", () -> parseCapabilities(request.capabilities()));
		checks.require("version", request.version());
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		int changed;
		try {
			changed = jdbc.update("UPDATE scheduling_resource SET name = ?, capabilities = ?, active = ?, version = version + 1, "
					+ "changed_at = ?, changed_by = ? WHERE id = ? AND clinic_id = ? AND version = ?", name, join(capabilities),
					request.active() == null ? current.active() : request.active(), Timestamp.from(clock.instant()),
					user.username(), id, user.clinicId().value(), request.version());
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("name", "the clinic already has a chair or room of this name");
		}
		if (changed == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("stale chair or room");
		}
		return resource(id).orElseThrow();
	}

	// Opening hours and closures

	@PreAuthorize(STAFF)
	@Transactional(readOnly = true)
	List<Span> openingHours() {
		return jdbc.query("SELECT weekday, opens, closes FROM scheduling_opening_hours WHERE clinic_id = ? ORDER BY weekday",
				(rs, row) -> new Span(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)),
				clinic().value());
	}

	/** Replaces the whole week: a weekday left out is closed. */
	@PreAuthorize(MANAGE)
	List<Span> replaceOpeningHours(HoursRequest request) {
		List<Span> spans = spans(request);
		ClinicUser user = currentUser.get();
		jdbc.update("DELETE FROM scheduling_opening_hours WHERE clinic_id = ?", user.clinicId().value());
		for (Span span : spans) {
			jdbc.update("INSERT INTO scheduling_opening_hours (clinic_id, weekday, opens, closes, changed_at, changed_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", user.clinicId().value(), span.weekday().getValue(), span.from(), span.to(),
					Timestamp.from(clock.instant()), user.username());
		}
		return openingHours();
	}

	@PreAuthorize(MANAGE)
	void setOpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
		requireOrder(opens, closes);
		ClinicUser user = currentUser.get();
		jdbc.update("INSERT INTO scheduling_opening_hours (clinic_id, weekday, opens, closes, changed_at, changed_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (clinic_id, weekday) DO UPDATE SET opens = EXCLUDED.opens, "
				+ "closes = EXCLUDED.closes, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by",
				user.clinicId().value(), day.getValue(), opens, closes, Timestamp.from(clock.instant()), user.username());
	}

	@PreAuthorize(STAFF)
	@Transactional(readOnly = true)
	List<Closure> closures() {
		return jdbc.query("SELECT closed_on, reason FROM scheduling_closure WHERE clinic_id = ? ORDER BY closed_on",
				(rs, row) -> new Closure(rs.getObject(1, LocalDate.class), rs.getString(2)), clinic().value());
	}

	@PreAuthorize(MANAGE)
	Closure addClosure(ClosureRequest request) {
		FieldChecks checks = new FieldChecks();
		LocalDate date = checks.check("date", () -> date(request.date()));
		String reason = checks.check("reason", () -> text(request.reason(), 200));
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		try {
			jdbc.update("INSERT INTO scheduling_closure (clinic_id, closed_on, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
					user.clinicId().value(), date, reason, Timestamp.from(clock.instant()), user.username());
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("date", "the clinic is already closed on this date");
		}
		return new Closure(date, reason);
	}

	@PreAuthorize(MANAGE)
	void removeClosure(LocalDate date) {
		if (jdbc.update("DELETE FROM scheduling_closure WHERE clinic_id = ? AND closed_on = ?", clinic().value(), date) == 0) {
			throw new NotFound("Closure", date);
		}
	}

	/** The opening hours of one date, or empty when the clinic is closed that day. */
	Optional<Span> openOn(LocalDate date) {
		UUID clinic = clinic().value();
		Integer closed = jdbc.queryForObject("SELECT count(*) FROM scheduling_closure WHERE clinic_id = ? AND closed_on = ?",
				Integer.class, clinic, date);
		if (closed != null && closed > 0) {
			return Optional.empty();
		}
		return jdbc.query("SELECT opens, closes FROM scheduling_opening_hours WHERE clinic_id = ? AND weekday = ?",
				(rs, row) -> new Span(date.getDayOfWeek(), rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class)),
				clinic, date.getDayOfWeek().getValue()).stream().findFirst();
	}

	// Staff working hours

	@PreAuthorize(STAFF)
	@Transactional(readOnly = true)
	List<StaffHours> staffHours() {
		ClinicId clinic = clinic();
		Map<UUID, List<Span>> hours = new HashMap<>();
		jdbc.query("SELECT user_id, weekday, starts, ends FROM scheduling_staff_hours WHERE clinic_id = ? ORDER BY weekday", rs -> {
			hours.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new Span(DayOfWeek.of(rs.getInt(2)),
					rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
		}, clinic.value());
		List<StaffHours> result = new ArrayList<>();
		for (Role role : BOOKABLE_ROLES) {
			for (Accounts.StaffMember member : accounts.staff(clinic, role)) {
				result.add(new StaffHours(member.userId(), member.username(), member.displayName(), role,
						hours.getOrDefault(member.userId(), List.of())));
			}
		}
		return result;
	}

	/** Replaces one person's week: a weekday left out is a day off. */
	@PreAuthorize(MANAGE)
	StaffHours replaceStaffHours(UUID userId, HoursRequest request) {
		roleOf(userId);
		List<Span> spans = spans(request);
		ClinicUser user = currentUser.get();
		jdbc.update("DELETE FROM scheduling_staff_hours WHERE clinic_id = ? AND user_id = ?", user.clinicId().value(), userId);
		spans.forEach(span -> setStaffHours(userId, span.weekday(), span.from(), span.to()));
		return staffHours().stream().filter(s -> s.userId().equals(userId)).findFirst().orElseThrow();
	}

	@PreAuthorize(MANAGE)
	void setStaffHours(UUID userId, DayOfWeek day, LocalTime starts, LocalTime ends) {
		roleOf(userId);
		requireOrder(starts, ends);
		ClinicUser user = currentUser.get();
		jdbc.update("INSERT INTO scheduling_staff_hours (clinic_id, user_id, weekday, starts, ends, changed_at, changed_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, weekday) DO UPDATE SET starts = EXCLUDED.starts, "
				+ "ends = EXCLUDED.ends, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by",
				user.clinicId().value(), userId, day.getValue(), starts, ends, Timestamp.from(clock.instant()), user.username());
	}

	/** Who of {@code role} works on {@code date}, and when (their weekday's hours). */
	Map<UUID, Span> working(Role role, LocalDate date) {
		ClinicId clinic = clinic();
		Set<UUID> ofRole = accounts.staff(clinic, role).stream().map(Accounts.StaffMember::userId).collect(Collectors.toSet());
		Map<UUID, Span> working = new java.util.LinkedHashMap<>();
		jdbc.query("SELECT user_id, starts, ends FROM scheduling_staff_hours WHERE clinic_id = ? AND weekday = ? ORDER BY starts, user_id",
				rs -> {
					UUID id = rs.getObject(1, UUID.class);
					if (ofRole.contains(id)) {
						working.put(id, new Span(date.getDayOfWeek(), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
					}
				}, clinic.value(), date.getDayOfWeek().getValue());
		return working;
	}

	/** The role of a bookable staff member of the caller's clinic; 404 for anyone else. */
	Role roleOf(UUID userId) {
		ClinicId clinic = clinic();
		for (Role role : BOOKABLE_ROLES) {
			if (accounts.staff(clinic, role).stream().anyMatch(member -> member.userId().equals(userId))) {
				return role;
			}
		}
		throw new NotFound("Staff member", userId);
	}

	private ClinicId clinic() {
		return currentUser.clinic();
	}

	private static List<Span> spans(HoursRequest request) {
		FieldChecks checks = new FieldChecks();
		List<Span> spans = new ArrayList<>();
		List<Hours> hours = request.hours() == null ? List.of() : request.hours();
		checks.require("hours", request.hours());
		Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
		for (int i = 0; i < hours.size(); i++) {
			Hours h = hours.get(i);
			String prefix = "hours[" + i + "].";
			DayOfWeek day = checks.check(prefix + "weekday", () -> Codes.parse(DayOfWeek.class, h.weekday()));
			LocalTime from = checks.check(prefix + "from", () -> time(h.from()));
			LocalTime to = checks.check(prefix + "to", () -> time(h.to()));
			checks.rule(from == null || to == null || to.isAfter(from), prefix + "to", "must be after the start time");
			checks.rule(day == null || seen.add(day), prefix + "weekday", "is listed twice");
			if (day != null && from != null && to != null) {
				spans.add(new Span(day, from, to));
			}
		}
		checks.throwIfAny();
		return spans;
	}

	private static void requireOrder(LocalTime from, LocalTime to) {
		if (!to.isAfter(from)) {
			throw new InvalidInput("to", "must be after the start time");
		}
	}

	static LocalTime time(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException bad) {
			throw new IllegalArgumentException("must be a time of day such as 08:30");
		}
	}

	static LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException bad) {
			throw new IllegalArgumentException("must be a date such as 2026-12-01");
		}
	}

	static String text(@Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new IllegalArgumentException("must be at most " + max + " characters");
		}
		return stripped;
	}

	static Set<Capability> parseCapabilities(@Nullable List<String> codes) {
		Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
		if (codes != null) {
			for (String code : codes) {
				capabilities.add(Codes.parse(Capability.class, code));
			}
		}
		return capabilities;
	}

	private static Set<Capability> capabilities(String joined) {
		Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
		Arrays.stream(joined.split(",")).filter(code -> !code.isBlank()).forEach(code -> capabilities.add(Capability.valueOf(code)));
		return capabilities;
	}

	private static String join(Set<Capability> capabilities) {
		return capabilities.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}
}
