package org.ketamineclinic.evaluation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.rules.EvaluationRule;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
import org.ketamineclinic.evaluation.rules.StandardRules;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.HistoryFindingCode;

/**
 * One clinic-adjustable evaluation setting (a POLICY item of the clinical reference): its key, the
 * values it accepts, where its default comes from, and how it reads from and applies to a
 * {@link ClinicPolicy}. Values travel as text ("8", "RELATIVE") so that history rows keep them
 * exactly as entered. Pure: no storage, no Spring.
 */
record PolicySetting(String key, String label, Kind kind, int min, int max, @Nullable String unit, String source,
		Function<ClinicPolicy, String> read, BiFunction<ClinicPolicy, String, ClinicPolicy> apply, List<String> choices) {

	PolicySetting(String key, String label, Kind kind, int min, int max, @Nullable String unit, String source,
			Function<ClinicPolicy, String> read, BiFunction<ClinicPolicy, String, ClinicPolicy> apply) {
		this(key, label, kind, min, max, unit, source, read, apply, kind == Kind.SEVERITY ? List.of(ABSOLUTE, RELATIVE) : List.of());
	}

	static PolicySetting choice(String key, String label, List<String> choices, String source,
			Function<ClinicPolicy, String> read, BiFunction<ClinicPolicy, String, ClinicPolicy> apply) {
		return new PolicySetting(key, label, Kind.CHOICE, 0, 0, null, source, read, apply, List.copyOf(choices));
	}

	enum Kind {
		/** A whole number between {@link PolicySetting#min()} and {@link PolicySetting#max()}. */
		NUMBER,
		/** ABSOLUTE (blocks, a physician may override with a reason) or RELATIVE (needs a documented decision). */
		SEVERITY,
		/** One of {@link PolicySetting#choices()}. */
		CHOICE
	}

	static final String ABSOLUTE = "ABSOLUTE";

	static final String RELATIVE = "RELATIVE";

	/** Prefix of the per-finding racemic severity settings: {@code racemic.UNCONTROLLED_HYPERTENSION}. */
	static final String RACEMIC_PREFIX = "racemic.";

	/** The key under which the esketamine label's 140/90 prompt is listed; regulatory, never a setting. */
	static final String ESKETAMINE_PRE_DOSE_LIMIT = "esketaminePreDoseLimit";

	private static final List<PolicySetting> ALL = build();

	static List<PolicySetting> all() {
		return ALL;
	}

	static Optional<PolicySetting> byKey(@Nullable String key) {
		return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	/** The esketamine label rules (REG): listed with their source, never changeable. */
	static List<EvaluationRule> regulatoryRules() {
		return StandardRules.all()
			.stream()
			.filter(rule -> rule.routes().equals(Set.of(Route.IN_ESKETAMINE)) && rule.source().contains("(REG)"))
			.toList();
	}

	/** True for a key that names a regulatory rule or the label's pre-dose limit. */
	static boolean isRegulatory(@Nullable String key) {
		return ESKETAMINE_PRE_DOSE_LIMIT.equals(key) || regulatoryRules().stream().anyMatch(rule -> rule.id().equals(key));
	}

	/** What a form shows as the accepted values: "4 to 8" or "ABSOLUTE or RELATIVE". */
	String allowed() {
		return kind == Kind.NUMBER ? min + " to " + max : String.join(" or ", choices);
	}

	/**
	 * The value in its stored form, or an {@link IllegalArgumentException} whose message says what
	 * is accepted.
	 */
	String parse(@Nullable Object value) {
		String text = value == null ? "" : value.toString().strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("is required");
		}
		if (kind != Kind.NUMBER) {
			String choice = text.toUpperCase(Locale.ROOT);
			if (!choices.contains(choice)) {
				throw new IllegalArgumentException("must be " + allowed());
			}
			return choice;
		}
		int number;
		try {
			number = text.endsWith(".0") ? Integer.parseInt(text.substring(0, text.length() - 2)) : Integer.parseInt(text);
		}
		catch (NumberFormatException notANumber) {
			throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException("must be from " + min + " to " + max + (unit == null ? "" : " " + unit)
					+ ", got " + number);
		}
		return Integer.toString(number);
	}

	/** The policy with this setting's (already parsed) value; cross-field checks of ClinicPolicy still apply. */
	ClinicPolicy applyTo(ClinicPolicy policy, String value) {
		return apply.apply(policy, value);
	}

	String valueIn(ClinicPolicy policy) {
		return read.apply(policy);
	}

	private static List<PolicySetting> build() {
		List<PolicySetting> settings = new ArrayList<>();
		settings.add(new PolicySetting("adequateTrialWeeks", "Adequate antidepressant trial duration", Kind.NUMBER, 4, 8,
				"weeks", "clinical reference §2: 6 weeks at a therapeutic dose by default; clinics use 4 to 8 weeks (POLICY)",
				p -> Integer.toString(p.adequateTrialWeeks()), (p, v) -> p.withAdequateTrialWeeks(Integer.parseInt(v))));
		settings.add(new PolicySetting("ivPreDoseSystolicLimit", "Racemic ketamine baseline blood pressure limit, systolic",
				Kind.NUMBER, 120, 220, "mmHg",
				"clinical reference §3: a resting 180/100 is used by one national label as the limit (POLICY)",
				p -> Integer.toString(p.ivPreDoseBloodPressureLimit().systolic()),
				(p, v) -> p.withIvPreDoseBloodPressureLimit(
						new BloodPressureLimit(Integer.parseInt(v), p.ivPreDoseBloodPressureLimit().diastolic()))));
		settings.add(new PolicySetting("ivPreDoseDiastolicLimit", "Racemic ketamine baseline blood pressure limit, diastolic",
				Kind.NUMBER, 70, 130, "mmHg",
				"clinical reference §3: a resting 180/100 is used by one national label as the limit (POLICY)",
				p -> Integer.toString(p.ivPreDoseBloodPressureLimit().diastolic()),
				(p, v) -> p.withIvPreDoseBloodPressureLimit(
						new BloodPressureLimit(p.ivPreDoseBloodPressureLimit().systolic(), Integer.parseInt(v)))));
		settings.add(new PolicySetting("maxBaselineScaleAgeDays", "Oldest baseline depression rating accepted", Kind.NUMBER,
				1, 90, "days",
				"clinical reference §3: the evaluation covers baseline ratings (APA consensus); how recent is clinic policy (POLICY)",
				p -> Integer.toString(p.maxBaselineScaleAgeDays()), (p, v) -> p.withMaxBaselineScaleAgeDays(Integer.parseInt(v))));
		settings.add(new PolicySetting("maxWeightAgeDays", "Oldest body weight accepted", Kind.NUMBER, 1, 90, "days",
				"clinical reference §5: doses are by body weight; how recent a weight must be is clinic policy (POLICY)",
				p -> Integer.toString(p.maxWeightAgeDays()), (p, v) -> p.withMaxWeightAgeDays(Integer.parseInt(v))));
		settings.add(PolicySetting.choice("dosingWeight", "Body weight used for weight-based doses",
				Arrays.stream(DosingWeight.values()).map(Enum::name).toList(),
				"clinical reference §5: actual body weight by default; ideal (Devine) or adjusted body weight by clinic choice (POLICY)",
				p -> p.dosingWeight().name(), (p, v) -> p.withDosingWeight(DosingWeight.valueOf(v))));
		settings.add(PolicySetting.choice("olderAdultEsketamineStartsAt28", "Esketamine: start patients 65 and over at 28 mg",
				List.of("YES", "NO"),
				"clinical reference §5: the EU label starts patients 65 and over at 28 mg, the US label at 56 mg; an age rule per jurisdiction (POLICY)",
				p -> p.olderAdultEsketamineStartsAt28() ? "YES" : "NO",
				(p, v) -> p.withOlderAdultEsketamineStartsAt28(v.equals("YES"))));
		monitoring(settings, "severeSystolicAtOrAbove", "Session alert: severe systolic blood pressure at or above", 140, 250,
				"mmHg", "clinical reference §6: systolic 180 or more pauses the infusion, recheck in 5 minutes, notify the physician (POLICY)");
		monitoring(settings, "severeDiastolicAtOrAbove", "Session alert: severe diastolic blood pressure at or above", 90, 150,
				"mmHg", "clinical reference §6: diastolic 110 or more pauses the infusion, recheck in 5 minutes, notify the physician (POLICY)");
		monitoring(settings, "racemicPreDoseSystolic", "Ketamine check-in: pre-dose systolic above this needs a physician's acknowledgement",
				110, 200, "mmHg", "clinical reference §6: pre-dose above 140/90, IV clinic default hold and recheck (POLICY)");
		monitoring(settings, "racemicPreDoseDiastolic", "Ketamine check-in: pre-dose diastolic above this needs a physician's acknowledgement",
				70, 130, "mmHg", "clinical reference §6: pre-dose above 140/90, IV clinic default hold and recheck (POLICY)");
		monitoring(settings, "racemicFoodFastMinutes", "Ketamine check-in: shortest fast from food", 0, 720, "minutes",
				"clinical reference §6: no food for 2 hours before dosing; the label fixes it for esketamine, ketamine is clinic policy (POLICY)");
		monitoring(settings, "racemicLiquidFastMinutes", "Ketamine check-in: shortest fast from liquids", 0, 240, "minutes",
				"clinical reference §6: no liquids for 30 minutes before dosing; the label fixes it for esketamine, ketamine is clinic policy (POLICY)");
		monitoring(settings, "heartRateAbove", "Session alert: heart rate above", 90, 180, "beats/min",
				"clinical reference §6: heart rate above 120 or below 50, notify (POLICY)");
		monitoring(settings, "heartRateBelow", "Session alert: heart rate below", 30, 70, "beats/min",
				"clinical reference §6: heart rate above 120 or below 50, notify (POLICY)");
		monitoring(settings, "spo2SustainedBelow", "Session alert: SpO2 below this on 2 readings in a row", 85, 98, "%",
				"clinical reference §6: SpO2 below 92% sustained (2 readings): stop, oxygen, notify (POLICY)");
		monitoring(settings, "spo2Below", "Session alert: any SpO2 reading below", 80, 95, "%",
				"clinical reference §6: any SpO2 reading below 90%: stop, oxygen, notify (POLICY)");
		monitoring(settings, "respiratoryRateBelow", "Session alert: respiratory rate below", 6, 14, "breaths/min",
				"clinical reference §6: respiratory rate below 10 or above 30, notify (POLICY)");
		monitoring(settings, "respiratoryRateAbove", "Session alert: respiratory rate above", 20, 40, "breaths/min",
				"clinical reference §6: respiratory rate below 10 or above 30, notify (POLICY)");
		monitoring(settings, "ivInfusionCheckEveryMinutes", "Session: vital signs during an IV infusion every", 1, 30, "minutes",
				"clinical reference §6: every 10 minutes during an IV infusion (academic centre practice, POLICY)");
		monitoring(settings, "afterDoseCheckEveryMinutes", "Session: vital signs after the dose every", 5, 60, "minutes",
				"clinical reference §6: every 15 minutes after the infusion (academic centre practice, POLICY)");
		settings.add(PolicySetting.choice("ivSecondPersonCheck", "Session: an IV dose needs a second member of staff to check it",
				List.of("YES", "NO"), "clinic practice: an independent double check of an IV dose before it runs, off by default (POLICY)",
				p -> p.monitoring().ivSecondPersonCheck() ? "YES" : "NO",
				(p, v) -> p.withMonitoring(p.monitoring().withIvSecondPersonCheck(v.equals("YES")))));
		for (HistoryFindingCode code : ClinicPolicy.RELAXABLE_RACEMIC_FINDINGS) {
			settings.add(new PolicySetting(RACEMIC_PREFIX + code.name(), "Racemic ketamine: " + code.label(), Kind.SEVERITY, 0,
					0, null,
					"clinical reference §3: conditions where a rise in blood pressure would be a serious hazard are absolute "
							+ "by default, clinic may relax (EVID/POLICY)",
					p -> p.racemicAbsoluteFindings().contains(code) ? ABSOLUTE : RELATIVE, (p, v) -> {
						Set<HistoryFindingCode> absolute = p.racemicAbsoluteFindings().isEmpty()
								? EnumSet.noneOf(HistoryFindingCode.class) : EnumSet.copyOf(p.racemicAbsoluteFindings());
						if (v.equals(ABSOLUTE)) {
							absolute.add(code);
						}
						else {
							absolute.remove(code);
						}
						return p.withRacemicAbsoluteFindings(absolute);
					}));
		}
		return List.copyOf(settings);
	}

	/** A session monitoring number of {@link MonitoringLimits}, read and changed by its component name. */
	private static void monitoring(List<PolicySetting> settings, String component, String label, int min, int max, String unit,
			String source) {
		settings.add(new PolicySetting(component, label, Kind.NUMBER, min, max, unit, source,
				p -> Integer.toString(p.monitoring().number(component)),
				(p, v) -> p.withMonitoring(p.monitoring().with(component, Integer.parseInt(v)))));
	}
}
