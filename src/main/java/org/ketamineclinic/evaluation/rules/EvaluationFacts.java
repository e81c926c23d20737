package org.ketamineclinic.evaluation.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;

/**
 * Everything the rules read about one patient, as of {@code today}. Optional facts are null when
 * the chart does not have them; the engine lists them as missing rather than guessing.
 *
 * <p>
 * Instants (weight, scale, blood pressure) are dated in UTC when their age in days is needed: a
 * few hours either way do not matter against limits of weeks.
 */
public record EvaluationFacts(Route route, Indication indication, LocalDate today, @Nullable LocalDate birthDate,
		SexAtBirth sexAtBirth, @Nullable BigDecimal weightKg, @Nullable Instant weightMeasuredAt, List<HistoryFact> history,
		List<MedicationFact> medications, List<TrialFact> trials, @Nullable BaselineScale baselineDepressionScale,
		@Nullable BloodPressure bloodPressure) {

	public EvaluationFacts {
		Objects.requireNonNull(route, "route");
		Objects.requireNonNull(indication, "indication");
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(sexAtBirth, "sexAtBirth");
		if (weightKg != null && weightKg.signum() <= 0) {
			throw new IllegalArgumentException("weightKg must be positive, got " + weightKg);
		}
		history = List.copyOf(history);
		medications = List.copyOf(medications);
		trials = List.copyOf(trials);
	}

	/** A history finding as charted: ACTIVE (current) or PAST. */
	public record HistoryFact(HistoryFindingCode code, FindingStatus status, @Nullable String note) {

		public HistoryFact {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(status, "status");
		}
	}

	/** A medication on the chart; only {@code current} ones matter to the rules. */
	public record MedicationFact(String name, @Nullable MedicationClass medicationClass, boolean current) {

		public MedicationFact {
			Objects.requireNonNull(name, "name");
		}
	}

	/** An antidepressant trial (clinical reference section 2); {@code end} is null while it goes on. */
	public record TrialFact(String drug, @Nullable String drugClass, BigDecimal dailyDoseMg, LocalDate start,
			@Nullable LocalDate end, boolean adherent, TrialOutcome outcome, boolean currentEpisode) {

		public TrialFact {
			Objects.requireNonNull(drug, "drug");
			Objects.requireNonNull(dailyDoseMg, "dailyDoseMg");
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(outcome, "outcome");
			if (end != null && end.isBefore(start)) {
				throw new IllegalArgumentException("trial of " + drug + " ends (" + end + ") before it starts (" + start + ")");
			}
		}
	}

	/** The baseline depression rating: instrument code (PHQ9, MADRS, ...), total and when it was completed. */
	public record BaselineScale(String instrument, int total, Instant completedAt) {

		public BaselineScale {
			Objects.requireNonNull(instrument, "instrument");
			Objects.requireNonNull(completedAt, "completedAt");
		}
	}

	/** A resting blood pressure in mmHg. */
	public record BloodPressure(int sbp, int dbp, Instant measuredAt) {

		public BloodPressure {
			Objects.requireNonNull(measuredAt, "measuredAt");
			if (sbp <= 0 || dbp <= 0) {
				throw new IllegalArgumentException("blood pressure must be positive, got " + sbp + "/" + dbp);
			}
		}

		@Override
		public String toString() {
			return sbp + "/" + dbp + " mmHg";
		}
	}

	/** Age in whole years today, if the birth date is known. */
	public Optional<Integer> ageInYears() {
		return Optional.ofNullable(birthDate).map(born -> Period.between(born, today).getYears());
	}

	/** The first charted finding with this code whose status is one of {@code statuses}. */
	public Optional<HistoryFact> finding(HistoryFindingCode code, Set<FindingStatus> statuses) {
		return history.stream().filter(fact -> fact.code() == code && statuses.contains(fact.status())).findFirst();
	}

	/** The current medications of any of these classes. */
	public List<MedicationFact> currentMedications(Set<MedicationClass> classes) {
		return medications.stream()
			.filter(medication -> medication.current() && medication.medicationClass() != null
					&& classes.contains(medication.medicationClass()))
			.toList();
	}

	/** Whole days from the UTC date of {@code instant} to today (negative if it lies after today). */
	long daysSince(Instant instant) {
		return ChronoUnit.DAYS.between(LocalDate.ofInstant(instant, ZoneOffset.UTC), today);
	}
}
