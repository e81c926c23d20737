package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketamineclinic.evaluation.rules.Facts.TODAY;
import static org.ketamineclinic.evaluation.rules.Facts.trial;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.TrialFact;
import org.ketamineclinic.patient.TrialOutcome;

/** Clinical reference section 2: which trials are adequate failed trials, and why the others are not. */
class TrdStagingTest {

	static TrialAdequacy judge(TrialFact trial) {
		return judge(trial, ClinicPolicy.DEFAULTS);
	}

	static TrialAdequacy judge(TrialFact trial, ClinicPolicy policy) {
		return TrdStaging.stage(List.of(trial), TODAY, policy).trials().get(0);
	}

	@Test
	void anAdherentEightWeekTrialWithNoResponseIsAdequate() {
		TrialAdequacy adequacy = judge(trial("sertraline").lasting(8).build());

		assertThat(adequacy.adequateFailure()).isTrue();
		assertThat(adequacy.weeks()).isEqualTo(8);
		assertThat(adequacy.reason()).isEqualTo("adequate: no response after 8 weeks");
	}

	@Test
	void aPartialResponseCountsAsAFailedTrial() {
		TrialAdequacy adequacy = judge(trial("escitalopram").lasting(6).outcome(TrialOutcome.PARTIAL_RESPONSE).build());

		assertThat(adequacy.adequateFailure()).isTrue();
		assertThat(adequacy.reason()).isEqualTo("adequate: partial response after 6 weeks");
	}

	@Test
	void aTrialWithoutARecordedOutcomeNeverCountsTowardsTrd() {
		// Imported prescriptions say a drug was taken, not whether it failed: a physician must judge them.
		TrialAdequacy adequacy = judge(trial("sertraline").lasting(12).outcome(TrialOutcome.UNKNOWN).build());

		assertThat(adequacy.adequateFailure()).isFalse();
		assertThat(adequacy.reasons()).containsExactly("outcome not recorded");
	}

	@Test
	void aThreeWeekTrialIsTooShort() {
		TrialAdequacy adequacy = judge(trial("sertraline").lasting(3).build());

		assertThat(adequacy.adequateFailure()).isFalse();
		assertThat(adequacy.reasons()).containsExactly("too short: 3 weeks of 6");
	}

	@Test
	void exactlySixWeeksIsEnoughAndADayLessIsNot() {
		TrialAdequacy sixWeeks = judge(trial("sertraline").lastingDays(42).build());
		TrialAdequacy dayShort = judge(trial("sertraline").lastingDays(41).build());

		assertThat(sixWeeks.adequateFailure()).isTrue();
		assertThat(sixWeeks.weeks()).isEqualTo(6);
		assertThat(dayShort.adequateFailure()).isFalse();
		assertThat(dayShort.reasons()).containsExactly("too short: 5 weeks of 6");
	}

	@Test
	void aClinicRequiringEightWeeksRejectsSevenAndAcceptsEight() {
		ClinicPolicy eightWeeks = ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(8);

		assertThat(judge(trial("sertraline").lasting(7).build(), eightWeeks).reasons())
			.containsExactly("too short: 7 weeks of 8");
		assertThat(judge(trial("sertraline").lasting(7).build()).adequateFailure()).isTrue();
		assertThat(judge(trial("sertraline").lasting(8).build(), eightWeeks).adequateFailure()).isTrue();
	}

	@Test
	void aClinicRequiringFourWeeksAcceptsFour() {
		ClinicPolicy fourWeeks = ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(4);

		assertThat(judge(trial("sertraline").lasting(4).build(), fourWeeks).adequateFailure()).isTrue();
		assertThat(judge(trial("sertraline").lasting(4).build()).adequateFailure()).isFalse();
	}

	@Test
	void aNonAdherentTrialDoesNotCount() {
		TrialAdequacy adequacy = judge(trial("sertraline").lasting(10).notAdherent().build());

		assertThat(adequacy.adequateFailure()).isFalse();
		assertThat(adequacy.reasons()).containsExactly("not adherent");
	}

	@Test
	void aTrialStoppedForIntoleranceNeverCountsHoweverLong() {
		TrialAdequacy late = judge(trial("venlafaxine").lasting(12).outcome(TrialOutcome.INTOLERANT).build());
		TrialAdequacy early = judge(trial("venlafaxine").lasting(2).outcome(TrialOutcome.INTOLERANT).build());

		assertThat(late.adequateFailure()).isFalse();
		assertThat(late.reasons()).containsExactly("stopped for intolerance");
		assertThat(early.reason()).isEqualTo("stopped for intolerance; too short: 2 weeks of 6");
	}

	@Test
	void aTrialInAnotherEpisodeDoesNotCount() {
		TrialAdequacy adequacy = judge(trial("fluoxetine").lasting(12).otherEpisode().build());

		assertThat(adequacy.adequateFailure()).isFalse();
		assertThat(adequacy.reasons()).containsExactly("other episode");
	}

	@Test
	void aTrialThatWorkedDoesNotCount() {
		TrialAdequacy adequacy = judge(trial("bupropion").lasting(12).outcome(TrialOutcome.RESPONSE).build());

		assertThat(adequacy.adequateFailure()).isFalse();
		assertThat(adequacy.reasons()).containsExactly("responded");
	}

	@Test
	void everyReasonIsListedForAPriorAuthorisation() {
		TrialAdequacy adequacy = judge(trial("paroxetine").lasting(1).otherEpisode().notAdherent().build());

		assertThat(adequacy.reason()).isEqualTo("other episode; not adherent; too short: 1 week of 6");
	}

	@Test
	void anOngoingTrialCountsOnceItHasRunLongEnoughToday() {
		TrialAdequacy longEnough = judge(trial("mirtazapine").lasting(6).ongoing().build());
		TrialAdequacy tooEarly = judge(trial("mirtazapine").lasting(5).ongoing().build());

		assertThat(longEnough.trial().end()).isNull();
		assertThat(longEnough.adequateFailure()).isTrue();
		assertThat(longEnough.reason()).isEqualTo("adequate: no response after 6 weeks (ongoing)");
		assertThat(tooEarly.adequateFailure()).isFalse();
		assertThat(tooEarly.reasons()).containsExactly("too short: 5 weeks of 6");
	}

	@Test
	void twoAdequateFailedTrialsMakeTreatmentResistanceAndOneDoesNot() {
		TrialFact first = trial("sertraline").lasting(8).build();
		TrialFact second = trial("venlafaxine").lasting(6).outcome(TrialOutcome.PARTIAL_RESPONSE).build();
		TrialFact intolerant = trial("duloxetine").lasting(9).outcome(TrialOutcome.INTOLERANT).build();

		TrdStaging one = TrdStaging.stage(List.of(first, intolerant), TODAY, ClinicPolicy.DEFAULTS);
		TrdStaging two = TrdStaging.stage(List.of(first, intolerant, second), TODAY, ClinicPolicy.DEFAULTS);

		assertThat(one.adequateFailedTrials()).isEqualTo(1);
		assertThat(one.treatmentResistant()).isFalse();
		assertThat(two.adequateFailedTrials()).isEqualTo(2);
		assertThat(two.treatmentResistant()).isTrue();
		assertThat(two.trials()).extracting(TrialAdequacy::adequateFailure).containsExactly(true, false, true);
	}

	@Test
	void noTrialsIsNotTreatmentResistant() {
		TrdStaging staging = TrdStaging.stage(List.of(), TODAY, ClinicPolicy.DEFAULTS);

		assertThat(staging.adequateFailedTrials()).isZero();
		assertThat(staging.treatmentResistant()).isFalse();
		assertThat(staging.trials()).isEmpty();
	}

	@Test
	void theOutcomeCarriesTheStagingInTrialOrder() {
		EvaluationOutcome outcome = Facts.eligible(Route.IV_KETAMINE)
			.trials(trial("sertraline").lasting(3).build(), trial("venlafaxine").lasting(8).build(),
					trial("mirtazapine").lasting(7).build())
			.evaluate();

		assertThat(outcome.adequateFailedTrials()).isEqualTo(2);
		assertThat(outcome.treatmentResistant()).isTrue();
		assertThat(outcome.trials()).extracting(adequacy -> adequacy.trial().drug() + ": " + adequacy.reason())
			.containsExactly("sertraline: too short: 3 weeks of 6", "venlafaxine: adequate: no response after 8 weeks",
					"mirtazapine: adequate: no response after 7 weeks");
	}

	@Test
	void aTrialCannotEndBeforeItStarts() {
		assertThatThrownBy(() -> new TrialFact("sertraline", null, BigDecimal.TEN, TODAY, TODAY.minusDays(1), true,
				TrialOutcome.NO_RESPONSE, true))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ends (2026-06-14) before it starts (2026-06-15)");
	}
}
