package org.ketamineclinic.evaluation.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ketamineclinic.evaluation.rules.EvaluationFacts.TrialFact;
import org.ketamineclinic.patient.TrialOutcome;

/**
 * Treatment-resistance staging (clinical reference section 2). A trial is an adequate failed trial
 * when it belongs to the current episode, the patient was adherent, it lasted at least
 * {@link ClinicPolicy#adequateTrialWeeks()} (start to end, or to today while it goes on; counted in
 * days, so 6 weeks is 42 days) and the outcome was no response or partial response. A trial stopped
 * for intolerance never counts, however long it ran. TRD means at least 2 of them.
 *
 * <p>
 * The dose is carried through for the printed list but not judged: there is no therapeutic-dose
 * table yet, so the prescriber attests to it.
 */
public record TrdStaging(List<TrialAdequacy> trials, int adequateFailedTrials) {

	public static final int REQUIRED_FAILED_TRIALS = 2;

	public TrdStaging {
		trials = List.copyOf(trials);
	}

	public static TrdStaging stage(List<TrialFact> trials, LocalDate today, ClinicPolicy policy) {
		List<TrialAdequacy> judged = trials.stream().map(trial -> judge(trial, today, policy)).toList();
		int count = (int) judged.stream().filter(TrialAdequacy::adequateFailure).count();
		return new TrdStaging(judged, count);
	}

	public boolean treatmentResistant() {
		return adequateFailedTrials >= REQUIRED_FAILED_TRIALS;
	}

	static TrialAdequacy judge(TrialFact trial, LocalDate today, ClinicPolicy policy) {
		Objects.requireNonNull(policy, "policy");
		LocalDate end = trial.end() == null ? today : trial.end();
		long days = Math.max(0, ChronoUnit.DAYS.between(trial.start(), end));
		long weeks = days / 7;
		int required = policy.adequateTrialWeeks();
		List<String> reasons = new ArrayList<>();
		if (!trial.currentEpisode()) {
			reasons.add("other episode");
		}
		if (trial.outcome() == TrialOutcome.INTOLERANT) {
			reasons.add("stopped for intolerance");
		}
		if (trial.outcome() == TrialOutcome.RESPONSE) {
			reasons.add("responded");
		}
		if (trial.outcome() == TrialOutcome.UNKNOWN) {
			reasons.add("outcome not recorded");
		}
		if (!trial.adherent()) {
			reasons.add("not adherent");
		}
		if (days < required * 7L) {
			reasons.add("too short: " + weeks + (weeks == 1 ? " week" : " weeks") + " of " + required);
		}
		if (!reasons.isEmpty()) {
			return new TrialAdequacy(trial, weeks, false, reasons);
		}
		String outcome = trial.outcome() == TrialOutcome.NO_RESPONSE ? "no response" : "partial response";
		String ongoing = trial.end() == null ? " (ongoing)" : "";
		return new TrialAdequacy(trial, weeks, true,
				List.of("adequate: " + outcome + " after " + weeks + " weeks" + ongoing));
	}
}
