package org.ketamineclinic.therapy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.FieldChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's therapy setting: how many hours after discharge the integration session is due
 * (POLICY in the clinical reference: 72 by default). Each change is a row of its own with who,
 * when and why, so the history is the table.
 */
@Service
@Transactional
class TherapySettings {

	static final String INTEGRATION_DUE_WITHIN_HOURS = "integrationDueWithinHours";
	static final int DEFAULT_INTEGRATION_DUE_WITHIN_HOURS = 72;
	static final int MIN_HOURS = 24;
	static final int MAX_HOURS = 336;
	static final String SOURCE = "POLICY: integration within three days of a dosing session is a common clinic convention";

	record Change(int value, String reason, String changedBy, Instant changedAt) {
	}

	record SettingView(String name, int value, int defaultValue, int min, int max, String unit, String source, List<Change> history) {
	}

	record ChangeForm(@Nullable Integer value, @Nullable String reason) {
	}

	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;

	TherapySettings(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** The value in force for a clinic; used by the discharge listener, which runs without a signed-in user. */
	int integrationDueWithinHours(ClinicId clinic) {
		return jdbc.sql("SELECT value FROM therapy_setting WHERE clinic_id = ? AND name = ? ORDER BY changed_at DESC LIMIT 1")
			.params(clinic.value(), INTEGRATION_DUE_WITHIN_HOURS)
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_INTEGRATION_DUE_WITHIN_HOURS);
	}

	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN','THERAPIST')")
	SettingView view() {
		ClinicId clinic = currentUser.clinic();
		List<Change> history = jdbc.sql("SELECT value, reason, changed_by, changed_at FROM therapy_setting WHERE clinic_id = ? AND name = ? "
				+ "ORDER BY changed_at DESC").params(clinic.value(), INTEGRATION_DUE_WITHIN_HOURS).query(Change.class).list();
		return new SettingView(INTEGRATION_DUE_WITHIN_HOURS, integrationDueWithinHours(clinic), DEFAULT_INTEGRATION_DUE_WITHIN_HOURS,
				MIN_HOURS, MAX_HOURS, "hours", SOURCE, history);
	}

	/** Applies to discharges from now on; due items already recorded keep the time they were given. */
	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN')")
	SettingView change(ChangeForm form) {
		FieldChecks checks = new FieldChecks().require("value", form.value()).require("reason", form.reason());
		if (form.value() != null) {
			checks.rule(form.value() >= MIN_HOURS && form.value() <= MAX_HOURS, "value", "must be " + MIN_HOURS + " to " + MAX_HOURS + " hours");
		}
		if (form.reason() != null) {
			checks.rule(form.reason().length() <= 500, "reason", "must be at most 500 characters");
		}
		checks.throwIfAny();
		jdbc.sql("INSERT INTO therapy_setting (id, clinic_id, name, value, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), currentUser.clinic().value(), INTEGRATION_DUE_WITHIN_HOURS, form.value(), form.reason().strip(),
					currentUser.get().username(), Timestamp.from(clock.instant()))
			.update();
		return view();
	}
}
