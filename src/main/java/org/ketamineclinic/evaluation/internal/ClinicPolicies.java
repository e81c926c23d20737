package org.ketamineclinic.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.CurrentPolicy;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each clinic's evaluation policy: the defaults ({@link EvaluationSettings}, themselves the
 * reference's defaults) with the clinic's latest change of each setting applied. Changes are
 * appended with who, when, the value before and after, and a reason; nothing is overwritten.
 */
@Service
@Transactional
class ClinicPolicies implements CurrentPolicy {

	private static final Logger log = LoggerFactory.getLogger(ClinicPolicies.class);

	record Change(@Nullable Object value, @Nullable String reason) {
	}

	record ChangeView(String key, String oldValue, String newValue, String reason, String changedBy, Instant changedAt) {
	}

	record SettingView(String key, String label, String kind, String allowed, @Nullable String unit, String defaultValue,
			String currentValue, boolean changed, String source, @Nullable ChangeView lastChange, List<String> choices) {
	}

	record RegulatoryRuleView(String ruleId, String source, boolean changeable, String note) {
	}

	record PolicyView(List<SettingView> settings, List<RegulatoryRuleView> regulatory, List<ChangeView> history) {
	}

	static final String NOT_CHANGEABLE = "A regulatory rule of the esketamine label or its REMS: it cannot be changed by a clinic.";

	private final EvaluationSettings defaults;
	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;

	ClinicPolicies(EvaluationSettings defaults, JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
		this.defaults = defaults;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** The policy the clinic's evaluations and doses run under now. */
	@Override
	@Transactional(readOnly = true)
	public ClinicPolicy current(ClinicId clinic) {
		return apply(defaults.policy(), latestValues(clinic));
	}

	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN')")
	@Transactional(readOnly = true)
	PolicyView view() {
		ClinicId clinic = currentUser.clinic();
		ClinicPolicy base = defaults.policy();
		ClinicPolicy current = apply(base, latestValues(clinic));
		List<ChangeView> history = history(clinic);
		List<SettingView> settings = PolicySetting.all().stream().map(s -> {
			String defaultValue = s.valueIn(base);
			String currentValue = s.valueIn(current);
			ChangeView last = history.stream().filter(c -> c.key().equals(s.key())).findFirst().orElse(null);
			return new SettingView(s.key(), s.label(), s.kind().name(), s.allowed(), s.unit(), defaultValue, currentValue,
					!defaultValue.equals(currentValue), s.source(), last, s.choices());
		}).toList();
		List<RegulatoryRuleView> regulatory = new java.util.ArrayList<>();
		regulatory.add(new RegulatoryRuleView(PolicySetting.ESKETAMINE_PRE_DOSE_LIMIT,
				"Spravato US label, section 5 Warnings and Precautions: Increases in Blood Pressure (REG): pre-dose above "
						+ ClinicPolicy.ESKETAMINE_LABEL_LIMIT + ", consider delaying treatment",
				false, NOT_CHANGEABLE));
		PolicySetting.regulatoryRules()
			.forEach(rule -> regulatory.add(new RegulatoryRuleView(rule.id(), rule.source(), false, NOT_CHANGEABLE)));
		return new PolicyView(settings, List.copyOf(regulatory), history);
	}

	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN')")
	PolicyView change(String key, Change change) {
		if (PolicySetting.isRegulatory(key)) {
			throw new InvalidInput("key", key + ": " + NOT_CHANGEABLE);
		}
		PolicySetting setting = PolicySetting.byKey(key).orElseThrow(() -> new NotFound("Clinic policy setting", key));
		FieldChecks checks = new FieldChecks().require("reason", change.reason())
			.rule(change.reason() == null || change.reason().length() <= 1000, "reason", "must be at most 1000 characters");
		String value = checks.check("value", () -> setting.parse(change.value()));
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		ClinicId clinic = user.clinicId();
		// One change of a clinic's setting at a time, so that "old value" is the value really replaced.
		jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", clinic.value() + "/" + key);
		ClinicPolicy current = current(clinic);
		String oldValue = setting.valueIn(current);
		checks.check("value", () -> setting.applyTo(current, value));
		checks.throwIfAny();
		if (!oldValue.equals(value)) {
			jdbc.update("INSERT INTO clinic_policy_change (id, clinic_id, setting_key, old_value, new_value, reason, changed_by, "
					+ "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), clinic.value(), key, oldValue, value,
					change.reason().strip(), user.username(), Timestamp.from(clock.instant()));
		}
		return view();
	}

	private List<ChangeView> history(ClinicId clinic) {
		return jdbc.query("SELECT * FROM clinic_policy_change WHERE clinic_id = ? ORDER BY seq DESC",
				(rs, row) -> new ChangeView(rs.getString("setting_key"), rs.getString("old_value"), rs.getString("new_value"),
						rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()),
				clinic.value());
	}

	private Map<String, String> latestValues(ClinicId clinic) {
		Map<String, String> values = new LinkedHashMap<>();
		jdbc.query("SELECT DISTINCT ON (setting_key) setting_key, new_value FROM clinic_policy_change WHERE clinic_id = ? "
				+ "ORDER BY setting_key, seq DESC", rs -> {
					values.put(rs.getString("setting_key"), rs.getString("new_value"));
				}, clinic.value());
		return values;
	}

	/** The defaults with each stored value applied; a value the defaults no longer admit is reported and skipped. */
	static ClinicPolicy apply(ClinicPolicy base, Map<String, String> values) {
		ClinicPolicy policy = base;
		for (PolicySetting setting : PolicySetting.all()) {
			String value = values.get(setting.key());
			if (value == null) {
				continue;
			}
			try {
				policy = setting.applyTo(policy, setting.parse(value));
			}
			catch (IllegalArgumentException invalid) {
				log.warn("Clinic policy setting {}={} no longer applies ({}); using {}", setting.key(), value,
						invalid.getMessage(), setting.valueIn(policy));
			}
		}
		return policy;
	}
}
