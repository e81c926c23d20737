package org.ketamineclinic.protocol.pk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Bolus;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Rate;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Solution;

/**
 * Plasma-concentration estimates for a regimen (clinical-reference.md section 9). Pure and
 * stateless: validates the request, builds the model's linear system for the patient's covariates
 * and solves it exactly per constant-input interval (see {@link CompartmentSystem}).
 */
public final class PkSimulator {

	static final double MG_PER_DEVICE = 28;
	static final double MINUTES_BETWEEN_DEVICES = 5;
	static final double IM_BIOAVAILABILITY = 0.93;
	static final double IM_KA_PER_MINUTE = 0.1;
	static final double MAX_DOSE_MG = 1000;
	static final double MAX_DOSE_MG_PER_KG = 10;

	/** Racemic models: IM depot, central, two peripherals (then the AUC accumulator). */
	static final int DEPOT = 0;
	static final int CENTRAL = 1;

	/** Perez-Ruixo: nasal depot, gut, central, two peripherals, hepatoportal. */
	static final int NASAL = 0;
	static final int GUT = 1;
	static final int ES_CENTRAL = 2;
	static final int HEPATOPORTAL = 5;

	/** A validated request turned into its system and inputs. */
	record Plan(PkModel model, CompartmentSystem system, List<Bolus> boluses, List<Rate> rates, double untilMinute,
			double stepMinutes) {

		Solution solve() {
			return system.solve(boluses, rates, untilMinute, stepMinutes);
		}

		/** The curve only, without the states behind it: what a result needs. */
		Solution solveCurve() {
			return system.solve(boluses, rates, untilMinute, stepMinutes, false);
		}
	}

	public PkResult simulate(PkRequest request) {
		Plan plan = plan(request);
		Solution solution = plan.solveCurve();
		List<PkResult.Point> points = new ArrayList<>(solution.minutes().length);
		for (int i = 0; i < solution.minutes().length; i++) {
			points.add(new PkResult.Point(solution.minutes()[i], solution.concentrations()[i]));
		}
		return new PkResult(plan.model(), plan.model().label(), points, solution.cmax(), solution.tmax(),
				solution.aucNgHourPerMl());
	}

	Plan plan(PkRequest request) {
		FieldChecks checks = new FieldChecks();
		checks.require("model", request.model());
		PkModel model = request.model() == null ? null
				: checks.check("model", () -> parse(PkModel.class, request.model()));
		checks.require("weightKg", request.weightKg());
		Double weight = request.weightKg();
		boolean weightValid = weight != null && weight >= 25 && weight <= 350;
		checks.rule(weight == null || weightValid, "weightKg", "must be between 25 and 350 kg");
		Double age = request.ageYears();
		checks.rule(age == null || (age >= 0 && age <= 120), "ageYears", "must be between 0 and 120");
		Ancestry ancestry = request.ancestry() == null || request.ancestry().isBlank() ? null
				: checks.check("ancestry", () -> parse(Ancestry.class, request.ancestry()));
		checks.require("untilMinute", request.untilMinute());
		Double until = request.untilMinute();
		checks.rule(until == null || (until >= 1 && until <= 2880), "untilMinute", "must be between 1 and 2880");
		checks.require("stepMinutes", request.stepMinutes());
		Double step = request.stepMinutes();
		checks.rule(step == null || (step >= 0.5 && step <= 60), "stepMinutes", "must be between 0.5 and 60");
		List<PkRequest.@Nullable Dose> regimen = request.regimen();
		checks.rule(regimen != null && !regimen.isEmpty() && regimen.size() <= 50, "regimen", "must list 1 to 50 doses");
		if (regimen != null) {
			for (int i = 0; i < regimen.size(); i++) {
				checkDose(checks, "regimen[" + i + "]", regimen.get(i), model, weightValid ? weight : null, until);
			}
		}
		checks.throwIfAny();
		double w = weight;
		List<Bolus> boluses = new ArrayList<>();
		List<Rate> rates = new ArrayList<>();
		CompartmentSystem system;
		if (model.racemic()) {
			system = model == PkModel.FANTA_2015 ? fanta(w) : domino(w);
			for (PkRequest.Dose dose : regimen) {
				if (PkRoute.valueOf(dose.route().toUpperCase(Locale.ROOT)) == PkRoute.IV_INFUSION) {
					rates.add(new Rate(dose.startMinute(), dose.startMinute() + dose.durationMinutes(), CENTRAL,
							dose.doseMg() / dose.durationMinutes()));
				}
				else {
					boluses.add(new Bolus(dose.atMinute(), DEPOT, IM_BIOAVAILABILITY * dose.doseMg()));
				}
			}
		}
		else {
			system = perezRuixo(age, ancestry);
			double frnFirst = 0.54 * (ancestry == Ancestry.JAPANESE ? 1.34 : 1);
			for (PkRequest.Dose dose : regimen) {
				for (int k = 0; k < dose.devices(); k++) {
					double at = dose.atMinute() + k * MINUTES_BETWEEN_DEVICES;
					double frn = Math.min(1, k == 0 ? frnFirst : frnFirst * 0.62);
					boluses.add(new Bolus(at, NASAL, frn * MG_PER_DEVICE));
					double swallowMinutes = 0.53 * 60;
					rates.add(new Rate(at, at + swallowMinutes, GUT, (1 - frn) * MG_PER_DEVICE / swallowMinutes));
				}
			}
		}
		return new Plan(model, system, boluses, rates, until, step);
	}

	private static void checkDose(FieldChecks checks, String field, PkRequest.@Nullable Dose dose, @Nullable PkModel model,
			@Nullable Double weight, @Nullable Double until) {
		if (dose == null) {
			checks.rule(false, field, "is required");
			return;
		}
		checks.require(field + ".route", dose.route());
		PkRoute route = dose.route() == null ? null : checks.check(field + ".route", () -> parse(PkRoute.class, dose.route()));
		if (route == null) {
			return;
		}
		if (model != null) {
			boolean fits = model.racemic() ? route != PkRoute.INTRANASAL : route == PkRoute.INTRANASAL;
			checks.rule(fits, field + ".route", model.racemic() ? "this model takes IV_INFUSION or IM"
					: "this model takes INTRANASAL only");
		}
		double latest = until == null ? 2880 : until;
		if (route == PkRoute.INTRANASAL) {
			checks.require(field + ".devices", dose.devices());
			checks.rule(dose.devices() == null || (dose.devices() >= 1 && dose.devices() <= 3), field + ".devices",
					"must be 1 to 3 devices of 28 mg");
			checkMinute(checks, field + ".atMinute", dose.atMinute(), latest);
			return;
		}
		checks.require(field + ".doseMg", dose.doseMg());
		Double mg = dose.doseMg();
		checks.rule(mg == null || (mg > 0 && mg <= MAX_DOSE_MG && (weight == null || mg <= MAX_DOSE_MG_PER_KG * weight)),
				field + ".doseMg", "must be more than 0 and at most " + (int) MAX_DOSE_MG + " mg and "
						+ (int) MAX_DOSE_MG_PER_KG + " mg/kg");
		if (route == PkRoute.IV_INFUSION) {
			checkMinute(checks, field + ".startMinute", dose.startMinute(), latest);
			checks.require(field + ".durationMinutes", dose.durationMinutes());
			Double duration = dose.durationMinutes();
			checks.rule(duration == null || (duration >= 0.5 && duration <= 2880), field + ".durationMinutes",
					"must be between 0.5 and 2880 minutes");
		}
		else {
			checkMinute(checks, field + ".atMinute", dose.atMinute(), latest);
		}
	}

	private static void checkMinute(FieldChecks checks, String field, @Nullable Double minute, double latest) {
		checks.require(field, minute);
		checks.rule(minute == null || (minute >= 0 && minute <= latest), field, "must be between 0 and untilMinute");
	}

	/** Codes are read case-insensitively here: simulator requests often come from hand-written scripts. */
	private static <E extends Enum<E>> E parse(Class<E> type, String code) {
		return Codes.parse(type, code.toUpperCase(Locale.ROOT));
	}

	/**
	 * Fanta 2015 at 70 kg: V1 133 L, CL 95.2 L/h, V2 187 L, Q2 23.2 L/h, V3 98.8 L, Q3 157 L/h; V1
	 * scales with weight/70 and CL with (weight/70)^0.75. Per hour converted to per minute.
	 */
	static CompartmentSystem fanta(double weightKg) {
		double v1 = 133 * weightKg / 70;
		double cl = 95.2 * Math.pow(weightKg / 70, 0.75) / 60;
		double v2 = 187;
		double q2 = 23.2 / 60;
		double v3 = 98.8;
		double q3 = 157.0 / 60;
		return racemic(cl / v1, q2 / v1, q3 / v1, q2 / v2, q3 / v3, v1);
	}

	/** Domino 1984: V1 0.063 L/kg, k10 0.4381, k12 0.5921, k13 0.59, k21 0.247, k31 0.0146 per minute. */
	static CompartmentSystem domino(double weightKg) {
		return racemic(0.4381, 0.5921, 0.59, 0.247, 0.0146, 0.063 * weightKg);
	}

	private static CompartmentSystem racemic(double k10, double k12, double k13, double k21, double k31, double v1) {
		double[][] a = new double[4][4];
		a[DEPOT][DEPOT] = -IM_KA_PER_MINUTE;
		a[CENTRAL][DEPOT] = IM_KA_PER_MINUTE;
		a[CENTRAL][CENTRAL] = -(k10 + k12 + k13);
		a[CENTRAL][2] = k21;
		a[CENTRAL][3] = k31;
		a[2][CENTRAL] = k12;
		a[2][2] = -k21;
		a[3][CENTRAL] = k13;
		a[3][3] = -k31;
		return new CompartmentSystem(a, CENTRAL, v1);
	}

	/**
	 * Perez-Ruixo 2021 intranasal esketamine: central 192 L; peripheral 1 Q 84.3 L/h, V 143 L;
	 * peripheral 2 Q 37.6 L/h, V 417 L; hepatoportal V 101 L exchanging 151 L/h with the central
	 * compartment and eliminating at kel 1.11 /h + kmet 2.77 /h; nasal ka 2.93 /h into the central
	 * compartment; swallowed drug absorbed from the gut at 1.45 /h with availability 0.64 into the
	 * hepatoportal compartment (the rest leaves the system). Asian: kel x 0.36; over 60 years: Qh
	 * minus 2.19 L/h per year. No weight effect.
	 */
	static CompartmentSystem perezRuixo(@Nullable Double ageYears, @Nullable Ancestry ancestry) {
		double vc = 192;
		double q1 = 84.3 / 60;
		double v1p = 143;
		double q2 = 37.6 / 60;
		double v2p = 417;
		double qhPerHour = 151 - (ageYears != null && ageYears > 60 ? 2.19 * (ageYears - 60) : 0);
		double qh = qhPerHour / 60;
		double vh = 101;
		boolean asian = ancestry == Ancestry.ASIAN || ancestry == Ancestry.JAPANESE;
		double kel = 1.11 * (asian ? 0.36 : 1) / 60;
		double kmet = 2.77 / 60;
		double kaNasal = 2.93 / 60;
		double kaGut = 1.45 / 60;
		double gutAvailability = 0.64;
		double[][] a = new double[6][6];
		a[NASAL][NASAL] = -kaNasal;
		a[GUT][GUT] = -kaGut;
		a[ES_CENTRAL][NASAL] = kaNasal;
		a[ES_CENTRAL][ES_CENTRAL] = -(q1 + q2 + qh) / vc;
		a[ES_CENTRAL][3] = q1 / v1p;
		a[ES_CENTRAL][4] = q2 / v2p;
		a[ES_CENTRAL][HEPATOPORTAL] = qh / vh;
		a[3][ES_CENTRAL] = q1 / vc;
		a[3][3] = -q1 / v1p;
		a[4][ES_CENTRAL] = q2 / vc;
		a[4][4] = -q2 / v2p;
		a[HEPATOPORTAL][GUT] = gutAvailability * kaGut;
		a[HEPATOPORTAL][ES_CENTRAL] = qh / vc;
		a[HEPATOPORTAL][HEPATOPORTAL] = -(qh / vh + kel + kmet);
		return new CompartmentSystem(a, ES_CENTRAL, vc);
	}
}
