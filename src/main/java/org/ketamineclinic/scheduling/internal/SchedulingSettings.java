package org.ketamineclinic.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.scheduling.AppointmentType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's choices for the patient side: which appointment types patients book themselves
 * (dosing is always booked by staff, who check the course and the ride home) and when reminders
 * go out. Every change keeps who made it, when and why.
 */
@Service
@Transactional
class SchedulingSettings {

	static final String SELF_BOOKING = "SELF_BOOKING";
	static final String REMINDERS = "REMINDERS";
	static final Set<AppointmentType> DEFAULT_SELF_BOOKING = EnumSet.of(AppointmentType.FOLLOW_UP, AppointmentType.INTEGRATION_THERAPY);

	record SelfBooking(Set<AppointmentType> types, @Nullable Instant changedAt, @Nullable String changedBy, @Nullable String reason) {
	}

	record Reminders(List<Duration> offsets, @Nullable Instant changedAt, @Nullable String changedBy, @Nullable String reason) {

		List<String> labels() {
			return offsets.stream().map(SchedulingSettings::label).toList();
		}
	}

	record SelfBookingRequest(@Nullable List<String> types, @Nullable String reason) {
	}

	record RemindersRequest(@Nullable List<String> offsets, @Nullable String reason) {
	}

	private record Row(String value, Instant changedAt, String changedBy, String reason) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;
	private final List<Duration> defaultReminders;

	SchedulingSettings(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock,
			@Value("${clinic.scheduling.reminders:48h,2h}") String defaultReminders) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
		this.defaultReminders = offsets(Arrays.asList(defaultReminders.split(",")));
	}

	public SelfBooking selfBooking(ClinicId clinic) {
		Row row = latest(clinic, SELF_BOOKING);
		if (row == null) {
			return new SelfBooking(DEFAULT_SELF_BOOKING, null, null, null);
		}
		Set<AppointmentType> types = EnumSet.noneOf(AppointmentType.class);
		for (String code : row.value().split(",")) {
			if (!code.isBlank()) {
				types.add(AppointmentType.valueOf(code));
			}
		}
		return new SelfBooking(types, row.changedAt(), row.changedBy(), row.reason());
	}

	@PreAuthorize(ClinicCalendar.MANAGE)
	public SelfBooking changeSelfBooking(SelfBookingRequest request) {
		FieldChecks checks = new FieldChecks();
		checks.require("types", request.types());
		String reason = checks.check("reason", () -> ClinicCalendar.text(request.reason(), 500));
		Set<AppointmentType> types = EnumSet.noneOf(AppointmentType.class);
		if (request.types() != null) {
			for (String code : request.types()) {
				AppointmentType type = checks.check("types", () -> Codes.parse(AppointmentType.class, code));
				if (type != null) {
					checks.rule(!type.dosing(), "types", type + " is a dosing appointment: staff book it with the course and the ride home");
					types.add(type);
				}
			}
		}
		checks.throwIfAny();
		store(SELF_BOOKING, String.join(",", types.stream().map(Enum::name).toList()), reason);
		return selfBooking(currentUser.clinic());
	}

	public Reminders reminders(ClinicId clinic) {
		Row row = latest(clinic, REMINDERS);
		if (row == null) {
			return new Reminders(defaultReminders, null, null, null);
		}
		return new Reminders(offsets(Arrays.asList(row.value().split(","))), row.changedAt(), row.changedBy(), row.reason());
	}

	@PreAuthorize(ClinicCalendar.MANAGE)
	public Reminders changeReminders(RemindersRequest request) {
		FieldChecks checks = new FieldChecks();
		checks.require("offsets", request.offsets());
		String reason = checks.check("reason", () -> ClinicCalendar.text(request.reason(), 500));
		List<Duration> offsets = request.offsets() == null ? List.of() : checks.check("offsets", () -> offsets(request.offsets()));
		checks.throwIfAny();
		store(REMINDERS, String.join(",", offsets.stream().map(SchedulingSettings::label).toList()), reason);
		return reminders(currentUser.clinic());
	}

	/** Offsets such as 48h, 2h or 30m; between 15 minutes and 14 days, longest first. */
	static List<Duration> offsets(List<String> values) {
		List<Duration> offsets = new ArrayList<>();
		for (String raw : values) {
			String value = raw.strip().toLowerCase();
			Duration offset;
			try {
				long amount = Long.parseLong(value.substring(0, value.length() - 1));
				offset = switch (value.charAt(value.length() - 1)) {
					case 'd' -> Duration.ofDays(amount);
					case 'h' -> Duration.ofHours(amount);
					case 'm' -> Duration.ofMinutes(amount);
					default -> throw new IllegalArgumentException();
				};
			}
			catch (RuntimeException bad) {
				throw new IllegalArgumentException("must be offsets such as 48h, 2h or 30m");
			}
			if (offset.compareTo(Duration.ofMinutes(15)) < 0 || offset.compareTo(Duration.ofDays(14)) > 0) {
				throw new IllegalArgumentException("each offset must be between 15m and 14d");
			}
			if (!offsets.contains(offset)) {
				offsets.add(offset);
			}
		}
		if (offsets.isEmpty() || offsets.size() > 5) {
			throw new IllegalArgumentException("must name between 1 and 5 offsets");
		}
		offsets.sort((a, b) -> b.compareTo(a));
		return List.copyOf(offsets);
	}

	static String label(Duration offset) {
		long minutes = offset.toMinutes();
		return minutes % 1440 == 0 ? minutes / 1440 + "d" : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
	}

	private void store(String name, String value, String reason) {
		ClinicUser user = currentUser.get();
		jdbc.update("INSERT INTO scheduling_setting (id, clinic_id, name, value, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), user.clinicId().value(), name, value, reason, Timestamp.from(clock.instant()), user.username());
	}

	private @Nullable Row latest(ClinicId clinic, String name) {
		return jdbc.query("SELECT value, changed_at, changed_by, reason FROM scheduling_setting WHERE clinic_id = ? AND name = ? "
				+ "ORDER BY changed_at DESC, id LIMIT 1", (rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(),
						rs.getString(3), rs.getString(4)), clinic.value(), name).stream().findFirst().orElse(null);
	}
}
