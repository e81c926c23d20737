package org.ketamineclinic.protocol.library;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.platform.FieldChecks;

/**
 * A treatment protocol: route, dose rule and titration, infusion time, and the schedule of its
 * phases. Built-in protocols follow the clinical reference and the esketamine label exactly and
 * cannot be edited; a clinic copies one, or defines its own, under its own code.
 *
 * @param startDose the dose of the first session, one of the titration steps
 * @param titrationSteps the doses a titration moves between, ascending; the last is the maximum
 * @param infusionMinutes IV only: how long the infusion runs
 * @param induction the induction phase, one or more blocks
 * @param maintenance the maintenance phase; empty for a course without one. Its last block is the
 *        ongoing rhythm: a change of maintenance frequency replaces it.
 * @param maintenanceFrequencies the frequencies a physician may change maintenance to
 * @param stepUpAfterToleratedSessions suggest the next step up after this many tolerated sessions at one dose without response
 * @param sessionsPlannedAhead how many maintenance sessions a frequency change plans ahead
 * @param copiedFrom the built-in or clinic protocol this one started as a copy of
 */
public record Protocol(String code, String name, Route route, @Nullable Indication indication, DoseUnit doseUnit,
		BigDecimal startDose, List<BigDecimal> titrationSteps, @Nullable Integer infusionMinutes,
		List<ScheduleBlock> induction, List<ScheduleBlock> maintenance, List<Frequency> maintenanceFrequencies,
		int stepUpAfterToleratedSessions, int sessionsPlannedAhead, boolean builtIn, @Nullable String copiedFrom,
		String source) {

	/** Upper-case code: letters, digits and underscores, like the built-in ones. */
	public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,59}");

	/** Above this an IV dose is a hard stop (clinical reference section 5); no protocol may plan beyond it. */
	public static final BigDecimal IV_MAX_MG_PER_KG = new BigDecimal("1.0");

	/** The clinic's IM range (POLICY 0.25 to 1.0 mg/kg); the studied range is 0.25 to 0.5. */
	public static final BigDecimal IM_MAX_MG_PER_KG = new BigDecimal("1.0");

	public static final List<BigDecimal> ESKETAMINE_DOSES = List.of(BigDecimal.valueOf(28), BigDecimal.valueOf(56),
			BigDecimal.valueOf(84));

	public Protocol {
		titrationSteps = List.copyOf(titrationSteps);
		induction = List.copyOf(induction);
		maintenance = List.copyOf(maintenance);
		maintenanceFrequencies = List.copyOf(maintenanceFrequencies);
		FieldChecks checks = check(code, name, route, doseUnit, startDose, titrationSteps, infusionMinutes, induction, maintenance,
				maintenanceFrequencies, stepUpAfterToleratedSessions, sessionsPlannedAhead);
		checks.throwIfAny();
	}

	public BigDecimal maxDose() {
		return titrationSteps.get(titrationSteps.size() - 1);
	}

	public Optional<BigDecimal> stepAbove(BigDecimal dose) {
		return titrationSteps.stream().filter(step -> step.compareTo(dose) > 0).findFirst();
	}

	public Optional<BigDecimal> stepBelow(BigDecimal dose) {
		return titrationSteps.stream().filter(step -> step.compareTo(dose) < 0).reduce((first, second) -> second);
	}

	public boolean isStep(BigDecimal dose) {
		return titrationSteps.stream().anyMatch(step -> step.compareTo(dose) == 0);
	}

	public int inductionSessions() {
		return induction.stream().mapToInt(ScheduleBlock::sessions).sum();
	}

	public boolean hasMaintenance() {
		return !maintenance.isEmpty();
	}

	/**
	 * The esketamine label's rule that 84 mg comes only after a 56 mg start (TRD); the acute
	 * suicidal ideation schedule starts at 84 mg.
	 */
	public boolean requires56Before84() {
		return route == Route.IN_ESKETAMINE && indication != Indication.MDSI;
	}

	/** The same protocol with the given origin: an edit keeps where the clinic protocol was copied from. */
	public Protocol withCopiedFrom(@Nullable String origin) {
		return new Protocol(code, name, route, indication, doseUnit, startDose, titrationSteps, infusionMinutes, induction, maintenance,
				maintenanceFrequencies, stepUpAfterToleratedSessions, sessionsPlannedAhead, builtIn, origin, source);
	}

	/** The same protocol under a clinic's own code and name, editable, remembering where it came from. */
	public Protocol copyAs(String newCode, String newName) {
		return new Protocol(newCode, newName, route, indication, doseUnit, startDose, titrationSteps, infusionMinutes, induction,
				maintenance, maintenanceFrequencies, stepUpAfterToleratedSessions, sessionsPlannedAhead, false, code, source);
	}

	/**
	 * Every problem with a definition, by field, as a 400 lists them. Rules: the code pattern;
	 * racemic ketamine in mg/kg with IV at most 1.0 mg/kg (the hard stop) and IM at most 1.0 mg/kg;
	 * esketamine in whole 28 mg devices; the start dose is a step; IV needs an infusion time of 1 to
	 * 600 minutes and only IV has one; maintenance frequencies only with a maintenance phase.
	 */
	public static FieldChecks check(@Nullable String code, @Nullable String name, @Nullable Route route,
			@Nullable DoseUnit doseUnit, @Nullable BigDecimal startDose, @Nullable List<BigDecimal> steps,
			@Nullable Integer infusionMinutes, @Nullable List<ScheduleBlock> induction, @Nullable List<ScheduleBlock> maintenance,
			@Nullable List<Frequency> frequencies, int stepUpAfter, int plannedAhead) {
		FieldChecks checks = new FieldChecks();
		checks.require("code", code).require("name", name).require("route", route).require("doseUnit", doseUnit)
			.require("startDose", startDose).require("titrationSteps", steps).require("induction", induction);
		checks.rule(code == null || CODE.matcher(code).matches(), "code",
				"must be 3 to 60 upper-case letters, digits or underscores, starting with a letter");
		checks.rule(name == null || name.strip().length() <= 120, "name", "must be at most 120 characters");
		if (route != null && doseUnit != null) {
			checks.rule(route.racemic() == (doseUnit == DoseUnit.MG_PER_KG), "doseUnit",
					route.racemic() ? "racemic ketamine is dosed in MG_PER_KG of dosing weight"
							: "esketamine is dosed in MG (28 mg devices)");
		}
		if (steps != null) {
			checks.rule(!steps.isEmpty() && steps.size() <= 10, "titrationSteps", "give 1 to 10 steps");
			List<BigDecimal> sorted = new ArrayList<>(steps);
			sorted.sort(BigDecimal::compareTo);
			checks.rule(sorted.equals(steps) && sorted.stream().distinct().count() == steps.size(), "titrationSteps",
					"must be distinct and ascending");
			for (int i = 0; i < steps.size(); i++) {
				String field = "titrationSteps[" + i + "]";
				BigDecimal step = steps.get(i);
				if (route == Route.IN_ESKETAMINE) {
					checks.rule(ESKETAMINE_DOSES.stream().anyMatch(d -> d.compareTo(step) == 0), field,
							"must be 28, 56 or 84 mg (one to three 28 mg devices)");
				}
				else if (route != null) {
					BigDecimal max = route == Route.IV_KETAMINE ? IV_MAX_MG_PER_KG : IM_MAX_MG_PER_KG;
					checks.rule(step.signum() > 0 && step.compareTo(max) <= 0, field, "must be more than 0 and at most " + max
							+ " mg/kg" + (route == Route.IV_KETAMINE ? " (above is a hard stop, overridden per order, not per protocol)" : ""));
					checks.rule(step.stripTrailingZeros().scale() <= 3, field, "use at most three decimal places");
				}
			}
			if (startDose != null) {
				checks.rule(steps.stream().anyMatch(step -> step.compareTo(startDose) == 0), "startDose",
						"must be one of the titration steps");
			}
		}
		if (route == Route.IV_KETAMINE) {
			checks.rule(infusionMinutes != null && infusionMinutes >= 1 && infusionMinutes <= 600, "infusionMinutes",
					"is required for IV: 1 to 600 minutes");
		}
		else {
			checks.rule(infusionMinutes == null, "infusionMinutes", "is only for IV_KETAMINE");
		}
		if (induction != null) {
			checks.rule(!induction.isEmpty(), "induction", "needs at least one block");
			checks.rule(induction.stream().allMatch(b -> b.phase() == Phase.INDUCTION), "induction", "blocks must be INDUCTION");
		}
		if (maintenance != null) {
			checks.rule(maintenance.stream().allMatch(b -> b.phase() == Phase.MAINTENANCE), "maintenance",
					"blocks must be MAINTENANCE");
		}
		boolean hasMaintenance = maintenance != null && !maintenance.isEmpty();
		if (frequencies != null) {
			checks.rule(hasMaintenance || frequencies.isEmpty(), "maintenanceFrequencies", "need a maintenance phase");
			if (route == Route.IN_ESKETAMINE) {
				checks.rule(frequencies.stream().allMatch(f -> f == Frequency.WEEKLY || f == Frequency.EVERY_2_WEEKS),
						"maintenanceFrequencies", "esketamine maintenance is WEEKLY or EVERY_2_WEEKS (label)");
			}
		}
		checks.rule(stepUpAfter >= 1 && stepUpAfter <= 12, "stepUpAfterToleratedSessions", "must be 1 to 12");
		checks.rule(plannedAhead >= 1 && plannedAhead <= 26, "sessionsPlannedAhead", "must be 1 to 26");
		return checks;
	}
}
