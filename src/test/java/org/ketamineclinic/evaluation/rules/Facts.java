package org.ketamineclinic.evaluation.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.BaselineScale;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.BloodPressure;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.HistoryFact;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.MedicationFact;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.TrialFact;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;

/**
 * Builds {@link EvaluationFacts} for tests. {@link #eligible(Route)} starts from a complete chart
 * that no rule objects to: a 40-year-old with a recent weight, blood pressure 120/80, a recent
 * PHQ-9 and two adequate failed trials, evaluated for TRD. Each method changes one thing.
 */
final class Facts {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private Route route;

	private Indication indication = Indication.TRD;

	private @Nullable LocalDate birthDate = TODAY.minusYears(40);

	private SexAtBirth sex = SexAtBirth.FEMALE;

	private @Nullable BigDecimal weightKg = new BigDecimal("72.5");

	private @Nullable Instant weightMeasuredAt = daysAgo(3);

	private final List<HistoryFact> history = new ArrayList<>();

	private final List<MedicationFact> medications = new ArrayList<>();

	private final List<TrialFact> trials = new ArrayList<>(
			List.of(trial("sertraline").lasting(8).build(), trial("venlafaxine").lasting(10).build()));

	private @Nullable BaselineScale scale = new BaselineScale("PHQ9", 19, daysAgo(2));

	private @Nullable BloodPressure bloodPressure = new BloodPressure(120, 80, daysAgo(1));

	private Facts(Route route) {
		this.route = route;
	}

	static Facts eligible(Route route) {
		return new Facts(route);
	}

	/** Noon UTC {@code days} before {@link #TODAY}. */
	static Instant daysAgo(int days) {
		return TODAY.minusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	Facts route(Route newRoute) {
		this.route = newRoute;
		return this;
	}

	Facts indication(Indication newIndication) {
		this.indication = newIndication;
		return this;
	}

	/** Born {@code years} years ago today: exactly that age. */
	Facts age(int years) {
		this.birthDate = TODAY.minusYears(years);
		return this;
	}

	Facts bornOn(LocalDate date) {
		this.birthDate = date;
		return this;
	}

	Facts noBirthDate() {
		this.birthDate = null;
		return this;
	}

	Facts sex(SexAtBirth sexAtBirth) {
		this.sex = sexAtBirth;
		return this;
	}

	Facts history(HistoryFindingCode code, FindingStatus status) {
		return history(code, status, null);
	}

	Facts history(HistoryFindingCode code, FindingStatus status, @Nullable String note) {
		history.add(new HistoryFact(code, status, note));
		return this;
	}

	Facts medication(String name, @Nullable MedicationClass medicationClass) {
		medications.add(new MedicationFact(name, medicationClass, true));
		return this;
	}

	Facts pastMedication(String name, MedicationClass medicationClass) {
		medications.add(new MedicationFact(name, medicationClass, false));
		return this;
	}

	/** Replaces the trial history. */
	Facts trials(TrialFact... replacement) {
		trials.clear();
		trials.addAll(List.of(replacement));
		return this;
	}

	/** Keeps only the first {@code count} of the default adequate failed trials (0, 1 or 2). */
	Facts adequateFailedTrials(int count) {
		List<TrialFact> kept = List.copyOf(trials.subList(0, count));
		trials.clear();
		trials.addAll(kept);
		return this;
	}

	Facts noTrials() {
		trials.clear();
		return this;
	}

	Facts bloodPressure(int sbp, int dbp) {
		this.bloodPressure = new BloodPressure(sbp, dbp, daysAgo(1));
		return this;
	}

	Facts noBloodPressure() {
		this.bloodPressure = null;
		return this;
	}

	Facts weighedDaysAgo(int days) {
		this.weightMeasuredAt = daysAgo(days);
		return this;
	}

	Facts weightWithoutDate() {
		this.weightMeasuredAt = null;
		return this;
	}

	Facts noWeight() {
		this.weightKg = null;
		this.weightMeasuredAt = null;
		return this;
	}

	Facts scaleDaysAgo(int days) {
		this.scale = new BaselineScale("PHQ9", 19, daysAgo(days));
		return this;
	}

	Facts noScale() {
		this.scale = null;
		return this;
	}

	EvaluationFacts build() {
		return new EvaluationFacts(route, indication, TODAY, birthDate, sex, weightKg, weightMeasuredAt, history, medications,
				trials, scale, bloodPressure);
	}

	EvaluationOutcome evaluate() {
		return EvaluationEngine.standard().evaluate(build(), ClinicPolicy.DEFAULTS);
	}

	EvaluationOutcome evaluate(ClinicPolicy policy) {
		return EvaluationEngine.standard().evaluate(build(), policy);
	}

	/** The findings of one standard rule applied directly, without the engine's route filter. */
	List<Finding> apply(String ruleId) {
		return apply(ruleId, ClinicPolicy.DEFAULTS);
	}

	List<Finding> apply(String ruleId, ClinicPolicy policy) {
		return StandardRules.byId(ruleId).apply(build(), policy);
	}

	static TrialBuilder trial(String drug) {
		return new TrialBuilder(drug);
	}

	/**
	 * An antidepressant trial: by default adherent, in the current episode, no response, 8 weeks
	 * long and ended 30 days before {@link #TODAY}.
	 */
	static final class TrialBuilder {

		private final String drug;

		private long days = 8 * 7;

		private boolean ongoing;

		private boolean adherent = true;

		private boolean currentEpisode = true;

		private TrialOutcome outcome = TrialOutcome.NO_RESPONSE;

		private TrialBuilder(String drug) {
			this.drug = drug;
		}

		TrialBuilder lasting(int weeks) {
			this.days = weeks * 7L;
			return this;
		}

		TrialBuilder lastingDays(int totalDays) {
			this.days = totalDays;
			return this;
		}

		/** Started {@code days} (as set by lasting) before today and still going. */
		TrialBuilder ongoing() {
			this.ongoing = true;
			return this;
		}

		TrialBuilder outcome(TrialOutcome trialOutcome) {
			this.outcome = trialOutcome;
			return this;
		}

		TrialBuilder notAdherent() {
			this.adherent = false;
			return this;
		}

		TrialBuilder otherEpisode() {
			this.currentEpisode = false;
			return this;
		}

		TrialFact build() {
			LocalDate end = ongoing ? TODAY : TODAY.minusDays(30);
			LocalDate start = end.minusDays(days);
			return new TrialFact(drug, "SSRI", new BigDecimal("100"), start, ongoing ? null : end, adherent, outcome,
					currentEpisode);
		}
	}
}
