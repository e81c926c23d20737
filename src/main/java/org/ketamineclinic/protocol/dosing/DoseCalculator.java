package org.ketamineclinic.protocol.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.BodyHeight;
import org.ketamineclinic.patient.BodyMeasures;
import org.ketamineclinic.patient.BodyWeight;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.protocol.library.DoseUnit;
import org.ketamineclinic.platform.InvalidInput;

/**
 * The dose calculator of clinical reference section 5. Doses are mg of ketamine (or esketamine)
 * base; vial strengths are labelled as base and are never converted again by the salt ratio.
 * Impossible inputs are refused with {@link InvalidInput} naming every rejected field; possible but
 * unusual doses get warnings, and an IV dose above 1.0 mg/kg is a hard stop.
 *
 * <p>Rounding, always half up: dose 0.1 mg (after mg/kg x dosing weight), draw volume 0.01 mL,
 * pump rate 0.1 mL/h, dose rate 0.001 mg/min. Dosing weights come from {@link BodyMeasures} at 0.1 kg.
 */
public final class DoseCalculator {

	/** Vial strengths in mg/mL of ketamine base (inventory products). */
	public static final Set<BigDecimal> VIAL_STRENGTHS_MG_PER_ML = Set.of(BigDecimal.valueOf(10), BigDecimal.valueOf(50),
			BigDecimal.valueOf(100));
	/** The vial that must be diluted before IV use. */
	public static final BigDecimal UNDILUTED_VIAL_MG_PER_ML = BigDecimal.valueOf(100);
	/** One esketamine nasal spray device. */
	public static final BigDecimal ESKETAMINE_MG_PER_DEVICE = BigDecimal.valueOf(28);
	public static final int ESKETAMINE_MAX_DEVICES = 3;

	static final BigDecimal MAX_MG_PER_KG = BigDecimal.valueOf(5);
	static final int MIN_INFUSION_MINUTES = 1;
	static final int MAX_INFUSION_MINUTES = 600;
	static final BigDecimal MIN_BAG_ML = BigDecimal.valueOf(10);
	static final BigDecimal MAX_BAG_ML = BigDecimal.valueOf(1000);
	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	private final DosingPolicy policy;

	public DoseCalculator() {
		this(DosingPolicy.CLINICAL_REFERENCE);
	}

	public DoseCalculator(DosingPolicy policy) {
		this.policy = policy;
	}

	public DoseCalculation calculate(DoseRequest request) {
		return calculate(request, DoseContext.NONE);
	}

	/** The dose with the warnings that need the patient's and the course's context as well. */
	public DoseCalculation calculate(DoseRequest request, DoseContext context) {
		FieldChecks checks = new FieldChecks();
		Route route = request.route();
		checks.require("route", route);
		BodyWeight weight = checks.check("weightKg", () -> new BodyWeight(request.weightKg()));
		BigDecimal heightCm = request.heightCm();
		BodyHeight height = heightCm == null ? null : checks.check("heightCm", () -> new BodyHeight(heightCm));
		DosingWeight dosingWeight = request.dosingWeight() == null ? DosingWeight.ACTUAL : request.dosingWeight();
		SexAtBirth sex = request.sexAtBirth();
		if (dosingWeight != DosingWeight.ACTUAL) {
			checks.rule(heightCm != null, "heightCm", "is required for an " + dosingWeight + " dosing weight");
			checks.rule(sex == SexAtBirth.FEMALE || sex == SexAtBirth.MALE, "sexAtBirth",
					"must be FEMALE or MALE for an " + dosingWeight + " dosing weight");
		}
		boolean esketamine = route == Route.IN_ESKETAMINE;
		boolean iv = route == Route.IV_KETAMINE;
		checkDose(checks, request, esketamine);
		checkAdministration(checks, request, iv, esketamine);
		checks.throwIfAny();
		if (route == null || weight == null) {
			throw new IllegalStateException("checked above");
		}

		BigDecimal dosingWeightKg = dosingWeightKg(dosingWeight, weight, height, sex);
		BigDecimal perKg = request.doseMgPerKg();
		BigDecimal doseMg = perKg != null ? perKg.multiply(dosingWeightKg).setScale(1, RoundingMode.HALF_UP)
				: require(request.doseMg()).setScale(1, RoundingMode.UNNECESSARY);
		if (doseMg.signum() <= 0) {
			throw new InvalidInput("doseMgPerKg", "gives a dose below 0.1 mg");
		}
		BigDecimal mgPerKg = perKg != null ? perKg : doseMg.divide(dosingWeightKg, 4, RoundingMode.HALF_UP);
		if (!esketamine && mgPerKg.compareTo(MAX_MG_PER_KG) > 0) {
			throw new InvalidInput("doseMg", "is more than 5 mg/kg of dosing weight");
		}

		BigDecimal vial = request.vialConcentrationMgPerMl();
		BigDecimal drawVolumeMl = vial == null ? null : doseMg.divide(vial, 2, RoundingMode.HALF_UP);
		BigDecimal bagMl = request.bagVolumeMl();
		if (bagMl != null && drawVolumeMl != null && drawVolumeMl.compareTo(bagMl) > 0) {
			throw new InvalidInput("bagVolumeMl", "is smaller than the volume of the dose drawn from the vial");
		}
		Integer minutes = request.infusionMinutes();
		BigDecimal rateMlPerHour = bagMl == null || minutes == null ? null
				: bagMl.multiply(MINUTES_PER_HOUR).divide(BigDecimal.valueOf(minutes), 1, RoundingMode.HALF_UP);
		BigDecimal mgPerMinute = minutes == null ? null
				: doseMg.divide(BigDecimal.valueOf(minutes), 3, RoundingMode.HALF_UP);
		Integer devices = esketamine ? doseMg.divide(ESKETAMINE_MG_PER_DEVICE, 0, RoundingMode.UNNECESSARY).intValueExact() : null;

		List<DoseWarning> warnings = warnings(route, mgPerKg, vial, minutes);
		warnings.addAll(contextWarnings(route, doseMg, mgPerKg, context));
		boolean hardStop = warnings.stream().anyMatch(warning -> warning.code().hardStop());
		return new DoseCalculation(dosingWeightKg, doseMg, drawVolumeMl, rateMlPerHour, mgPerMinute, devices, warnings,
				hardStop);
	}

	private static void checkDose(FieldChecks checks, DoseRequest request, boolean esketamine) {
		BigDecimal perKg = request.doseMgPerKg();
		BigDecimal mg = request.doseMg();
		if (perKg == null && mg == null) {
			checks.rule(false, "doseMgPerKg", "give doseMgPerKg or doseMg");
			checks.rule(false, "doseMg", "give doseMgPerKg or doseMg");
			return;
		}
		if (perKg != null && mg != null) {
			checks.rule(false, "doseMgPerKg", "give doseMgPerKg or doseMg, not both");
			checks.rule(false, "doseMg", "give doseMgPerKg or doseMg, not both");
			return;
		}
		if (perKg != null) {
			if (esketamine) {
				checks.rule(false, "doseMgPerKg", "weight-based dosing is not allowed for esketamine; give doseMg of 28, 56 or 84");
			}
			else {
				checks.rule(perKg.signum() > 0 && perKg.compareTo(MAX_MG_PER_KG) <= 0, "doseMgPerKg",
						"must be more than 0 and at most 5 mg/kg");
			}
		}
		if (mg != null) {
			if (esketamine) {
				checks.rule(isEsketamineDose(mg), "doseMg", "must be 28, 56 or 84 mg for esketamine (one to three 28 mg devices)");
			}
			else {
				checks.rule(mg.signum() > 0, "doseMg", "must be more than 0 mg");
				checks.rule(mg.stripTrailingZeros().scale() <= 1, "doseMg", "use at most one decimal place");
			}
		}
	}

	private static void checkAdministration(FieldChecks checks, DoseRequest request, boolean iv, boolean esketamine) {
		Integer minutes = request.infusionMinutes();
		if (minutes != null) {
			checks.rule(iv || request.route() == null, "infusionMinutes", "is only for IV_KETAMINE");
			checks.rule(minutes >= MIN_INFUSION_MINUTES && minutes <= MAX_INFUSION_MINUTES, "infusionMinutes",
					"must be between 1 and 600 minutes");
		}
		BigDecimal bagMl = request.bagVolumeMl();
		if (bagMl != null) {
			checks.rule(iv || request.route() == null, "bagVolumeMl", "is only for IV_KETAMINE");
			checks.rule(bagMl.compareTo(MIN_BAG_ML) >= 0 && bagMl.compareTo(MAX_BAG_ML) <= 0, "bagVolumeMl",
					"must be between 10 and 1000 mL");
			checks.rule(minutes != null, "infusionMinutes", "is required with bagVolumeMl to calculate the pump rate");
		}
		BigDecimal vial = request.vialConcentrationMgPerMl();
		if (vial != null) {
			checks.rule(!esketamine, "vialConcentrationMgPerMl", "is not used for esketamine (28 mg devices)");
			checks.rule(VIAL_STRENGTHS_MG_PER_ML.stream().anyMatch(strength -> strength.compareTo(vial) == 0),
					"vialConcentrationMgPerMl", "must be 10, 50 or 100 mg/mL of ketamine base");
		}
	}

	private static boolean isEsketamineDose(BigDecimal mg) {
		if (mg.signum() <= 0 || mg.remainder(ESKETAMINE_MG_PER_DEVICE).signum() != 0) {
			return false;
		}
		return mg.divide(ESKETAMINE_MG_PER_DEVICE).compareTo(BigDecimal.valueOf(ESKETAMINE_MAX_DEVICES)) <= 0;
	}

	private static BigDecimal dosingWeightKg(DosingWeight dosingWeight, BodyWeight weight, @Nullable BodyHeight height,
			@Nullable SexAtBirth sex) {
		if (dosingWeight == DosingWeight.ACTUAL) {
			return weight.kg();
		}
		BodyMeasures measures = BodyMeasures.of(weight, height, sex == null ? SexAtBirth.UNKNOWN : sex);
		BigDecimal kg = dosingWeight == DosingWeight.IDEAL ? measures.idealBodyWeightKg() : measures.adjustedBodyWeightKg();
		if (kg == null || kg.compareTo(BodyWeight.MIN_KG) < 0) {
			throw new InvalidInput("heightCm", "gives an " + dosingWeight + " body weight below 25 kg; use the ACTUAL dosing weight");
		}
		return kg;
	}

	private List<DoseWarning> warnings(Route route, BigDecimal mgPerKg, @Nullable BigDecimal vial, @Nullable Integer minutes) {
		List<DoseWarning> warnings = new ArrayList<>();
		String dose = mgPerKg.stripTrailingZeros().toPlainString();
		if (route == Route.IV_KETAMINE) {
			if (mgPerKg.compareTo(policy.ivHardStopAboveMgPerKg()) > 0) {
				warnings.add(new DoseWarning(DoseWarningCode.IV_DOSE_ABOVE_1_MG_PER_KG, "IV dose of " + dose
						+ " mg/kg is above " + plain(policy.ivHardStopAboveMgPerKg())
						+ " mg/kg per session: hard stop unless a physician overrides with a reason."));
			}
			if (outside(mgPerKg, policy.ivStudiedMinMgPerKg(), policy.ivStudiedMaxMgPerKg())) {
				warnings.add(new DoseWarning(DoseWarningCode.OUTSIDE_STUDIED_RANGE, "IV dose of " + dose
						+ " mg/kg is outside the studied range of " + plain(policy.ivStudiedMinMgPerKg()) + " to "
						+ plain(policy.ivStudiedMaxMgPerKg()) + " mg/kg."));
			}
			if (vial != null && vial.compareTo(UNDILUTED_VIAL_MG_PER_ML) == 0) {
				warnings.add(new DoseWarning(DoseWarningCode.VIAL_NEEDS_DILUTION,
						"The 100 mg/mL vial must be diluted before IV use."));
			}
			if (minutes != null && minutes < policy.studiedInfusionMinutes()) {
				warnings.add(new DoseWarning(DoseWarningCode.FASTER_THAN_STUDIED, "An infusion over " + minutes
						+ " minutes is faster than studied: the standard is 0.5 mg/kg over "
						+ policy.studiedInfusionMinutes() + " minutes."));
			}
		}
		if (route == Route.IM_KETAMINE && outside(mgPerKg, policy.imPolicyMinMgPerKg(), policy.imPolicyMaxMgPerKg())) {
			warnings.add(new DoseWarning(DoseWarningCode.IM_OUTSIDE_POLICY_RANGE, "IM dose of " + dose
					+ " mg/kg is outside the clinic's range of " + plain(policy.imPolicyMinMgPerKg()) + " to "
					+ plain(policy.imPolicyMaxMgPerKg()) + " mg/kg."));
		}
		return warnings;
	}

	private static List<DoseWarning> contextWarnings(Route route, BigDecimal doseMg, BigDecimal mgPerKg, DoseContext context) {
		List<DoseWarning> warnings = new ArrayList<>();
		Instant weighed = context.weightMeasuredAt();
		Instant doseAt = context.doseAt();
		if (weighed != null && doseAt != null
				&& Duration.between(weighed, doseAt).compareTo(Duration.ofDays(context.maxWeightAgeDays())) > 0) {
			warnings.add(new DoseWarning(DoseWarningCode.WEIGHT_OUT_OF_DATE, "The weight was recorded "
					+ Duration.between(weighed, doseAt).toDays() + " days before the dose, more than "
					+ context.maxWeightAgeDays() + " days: weigh the patient again."));
		}
		BigDecimal max = context.protocolMaxDose();
		DoseUnit unit = context.protocolDoseUnit();
		if (max != null && unit != null) {
			BigDecimal dose = unit == DoseUnit.MG ? doseMg : mgPerKg;
			if (dose.compareTo(max) > 0) {
				warnings.add(new DoseWarning(DoseWarningCode.ABOVE_PROTOCOL_MAXIMUM, "The dose of " + plain(dose) + " "
						+ unit.symbol() + " is above the protocol's maximum of " + plain(max) + " " + unit.symbol() + "."));
			}
		}
		if (route == Route.IN_ESKETAMINE) {
			BigDecimal fiftySix = BigDecimal.valueOf(56);
			if (context.requires56Before84() && doseMg.compareTo(BigDecimal.valueOf(84)) == 0
					&& context.earlierDosesMg().stream().noneMatch(earlier -> earlier.compareTo(fiftySix) == 0)) {
				warnings.add(new DoseWarning(DoseWarningCode.ESKETAMINE_84_WITHOUT_56,
						"84 mg without an earlier 56 mg session in this course: the label starts at 56 mg and allows 84 mg only after it."));
			}
			Integer age = context.ageYears();
			if (context.olderAdultStartsAt28() && age != null && age >= 65 && context.firstOfCourse()
					&& doseMg.compareTo(ESKETAMINE_MG_PER_DEVICE) > 0) {
				warnings.add(new DoseWarning(DoseWarningCode.OLDER_ADULT_START_ABOVE_28, "The patient is " + age
						+ ": the clinic starts patients 65 and over at 28 mg, then in 28 mg steps."));
			}
		}
		return warnings;
	}

	private static boolean outside(BigDecimal value, BigDecimal min, BigDecimal max) {
		return value.compareTo(min) < 0 || value.compareTo(max) > 0;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static BigDecimal require(@Nullable BigDecimal value) {
		if (value == null) {
			throw new IllegalStateException("checked above");
		}
		return value;
	}
}
