package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketamineclinic.evaluation.Route.IM_KETAMINE;
import static org.ketamineclinic.evaluation.Route.IN_ESKETAMINE;
import static org.ketamineclinic.evaluation.Route.IV_KETAMINE;
import static org.ketamineclinic.patient.FindingStatus.ACTIVE;
import static org.ketamineclinic.patient.FindingStatus.PAST;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;

class EvaluationEngineTest {

	/**
	 * absolute: charted past hypersensitivity (absolute on every route); relative: past psychosis
	 * (relative on every route); missing: no blood pressure; trials: adequate failed trials, TRD.
	 */
	@ParameterizedTest(name = "{0}, age {1}, absolute {2}, relative {3}, missing {4}, {5} trials: {6}")
	@CsvSource(delimiter = '|', textBlock = """
			IN_ESKETAMINE | 18 | false | false | false | 2 | ELIGIBLE
			IV_KETAMINE   | 18 | false | false | false | 2 | ELIGIBLE
			IM_KETAMINE   | 18 | false | false | false | 2 | ELIGIBLE
			IN_ESKETAMINE | 17 | false | false | false | 2 | INELIGIBLE
			IV_KETAMINE   | 17 | false | false | false | 2 | ELIGIBLE
			IM_KETAMINE   | 17 | false | false | false | 2 | ELIGIBLE
			IN_ESKETAMINE | 17 | false | false | true  | 2 | INELIGIBLE
			IN_ESKETAMINE | 17 | false | true  | false | 1 | INELIGIBLE
			IV_KETAMINE   | 17 | false | false | true  | 2 | INCOMPLETE
			IN_ESKETAMINE | 18 | true  | false | false | 2 | INELIGIBLE
			IV_KETAMINE   | 18 | true  | false | false | 2 | INELIGIBLE
			IM_KETAMINE   | 18 | true  | false | false | 2 | INELIGIBLE
			IN_ESKETAMINE | 18 | true  | false | true  | 2 | INELIGIBLE
			IV_KETAMINE   | 18 | true  | true  | true  | 1 | INELIGIBLE
			IN_ESKETAMINE | 18 | false | true  | false | 2 | ELIGIBLE_WITH_CAUTIONS
			IV_KETAMINE   | 18 | false | true  | false | 2 | ELIGIBLE_WITH_CAUTIONS
			IM_KETAMINE   | 18 | false | true  | false | 2 | ELIGIBLE_WITH_CAUTIONS
			IN_ESKETAMINE | 18 | false | false | true  | 2 | INCOMPLETE
			IV_KETAMINE   | 18 | false | false | true  | 2 | INCOMPLETE
			IM_KETAMINE   | 18 | false | true  | true  | 2 | INCOMPLETE
			IN_ESKETAMINE | 18 | false | true  | true  | 1 | INCOMPLETE
			IN_ESKETAMINE | 18 | false | false | false | 1 | ELIGIBLE_WITH_CAUTIONS
			IV_KETAMINE   | 18 | false | false | false | 1 | ELIGIBLE_WITH_CAUTIONS
			IM_KETAMINE   | 18 | false | false | false | 1 | ELIGIBLE_WITH_CAUTIONS
			IV_KETAMINE   | 17 | false | true  | false | 1 | ELIGIBLE_WITH_CAUTIONS
			IN_ESKETAMINE | 17 | true  | true  | true  | 1 | INELIGIBLE
			""")
	void decisionTable(Route route, int age, boolean absolute, boolean relative, boolean missing, int trials,
			Decision expected) {
		Facts facts = Facts.eligible(route).age(age).adequateFailedTrials(trials);
		if (absolute) {
			facts.history(HistoryFindingCode.KETAMINE_HYPERSENSITIVITY, PAST);
		}
		if (relative) {
			facts.history(HistoryFindingCode.PSYCHOSIS_HISTORY, PAST);
		}
		if (missing) {
			facts.noBloodPressure();
		}

		EvaluationOutcome outcome = facts.evaluate();

		assertThat(outcome.decision()).isEqualTo(expected);
		assertThat(outcome.adequateFailedTrials()).isEqualTo(trials);
		assertThat(outcome.treatmentResistant()).isEqualTo(trials >= 2);
		assertThat(outcome.missing()).hasSize(missing ? 1 : 0);
	}

	@ParameterizedTest
	@EnumSource(value = Indication.class, names = { "MDSI", "OTHER" })
	void treatmentResistanceIsNotRequiredOutsideTrd(Indication indication) {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE).indication(indication).noTrials().evaluate();

		assertThat(outcome.missing()).isEmpty();
		assertThat(outcome.ruleIds()).doesNotContain("TRD_NOT_MET");
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(outcome.treatmentResistant()).isFalse();
	}

	@Test
	void everyMissingFactIsListedInPlainWords() {
		EvaluationOutcome outcome = Facts.eligible(IV_KETAMINE)
			.noBirthDate()
			.noWeight()
			.noBloodPressure()
			.noScale()
			.noTrials()
			.evaluate();

		assertThat(outcome.decision()).isEqualTo(Decision.INCOMPLETE);
		assertThat(outcome.missing()).containsExactly("date of birth", "body weight", "baseline blood pressure",
				"baseline depression rating (such as PHQ-9 or MADRS)",
				"antidepressant trial history (needed to establish treatment resistance)");
		assertThat(outcome.findings()).isEmpty();
	}

	@Test
	void aWeightOlderThanThePolicyCountsAsMissingAndThirtyDaysIsStillRecent() {
		EvaluationOutcome stale = Facts.eligible(IV_KETAMINE).weighedDaysAgo(31).evaluate();
		EvaluationOutcome recent = Facts.eligible(IV_KETAMINE).weighedDaysAgo(30).evaluate();

		assertThat(stale.decision()).isEqualTo(Decision.INCOMPLETE);
		assertThat(stale.missing()).containsExactly(
				"a body weight from the last 30 days (the latest, from 2026-05-15, is 31 days old)");
		assertThat(recent.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(Facts.eligible(IV_KETAMINE).weighedDaysAgo(31).evaluate(ClinicPolicy.DEFAULTS.withMaxWeightAgeDays(60))
			.decision()).isEqualTo(Decision.ELIGIBLE);
	}

	@Test
	void aWeightWithoutAMeasurementDateCountsAsMissing() {
		EvaluationOutcome outcome = Facts.eligible(IM_KETAMINE).weightWithoutDate().evaluate();

		assertThat(outcome.missing()).containsExactly("body weight with the date it was measured");
		assertThat(outcome.decision()).isEqualTo(Decision.INCOMPLETE);
	}

	@Test
	void aBaselineScaleOlderThanThePolicyCountsAsMissing() {
		EvaluationOutcome stale = Facts.eligible(IN_ESKETAMINE).scaleDaysAgo(45).evaluate();
		EvaluationOutcome recent = Facts.eligible(IN_ESKETAMINE).scaleDaysAgo(30).evaluate();

		assertThat(stale.missing()).containsExactly(
				"a baseline depression rating from the last 30 days (the latest, PHQ9 from 2026-05-01, is 45 days old)");
		assertThat(stale.decision()).isEqualTo(Decision.INCOMPLETE);
		assertThat(recent.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(Facts.eligible(IN_ESKETAMINE).scaleDaysAgo(20)
			.evaluate(ClinicPolicy.DEFAULTS.withMaxBaselineScaleAgeDays(14))
			.decision()).isEqualTo(Decision.INCOMPLETE);
	}

	@Test
	void anEsketamineAbsoluteMakesThePatientIneligibleEvenWithEveryFactMissing() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE)
			.noWeight()
			.noBloodPressure()
			.noScale()
			.noTrials()
			.history(HistoryFindingCode.INTRACEREBRAL_HEMORRHAGE, PAST)
			.evaluate();

		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
		assertThat(outcome.missing()).hasSize(4);
		assertThat(outcome.ruleIds()).containsExactly("ESK_ABS_INTRACEREBRAL_HEMORRHAGE");
	}

	@Test
	void anOverridableRacemicAbsoluteStillMakesTheDecisionIneligible() {
		EvaluationOutcome outcome = Facts.eligible(IV_KETAMINE).history(HistoryFindingCode.RAISED_INTRACRANIAL_PRESSURE, ACTIVE)
			.evaluate();

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.overridable()).isTrue();
			assertThat(finding.blocksUnconditionally()).isFalse();
		});
		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
	}

	@Test
	void findingsComeAbsoluteThenRelativeThenInfo() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE)
			.indication(Indication.OTHER)
			.medication("fluticasone", MedicationClass.NASAL_CORTICOSTEROID)
			.history(HistoryFindingCode.HEPATIC_IMPAIRMENT_MODERATE, ACTIVE)
			.history(HistoryFindingCode.PREGNANCY, ACTIVE)
			.history(HistoryFindingCode.ARTERIOVENOUS_MALFORMATION, PAST)
			.bloodPressure(150, 95)
			.age(17)
			.evaluate();

		assertThat(outcome.findings()).extracting(Finding::severity)
			.containsExactly(Severity.ABSOLUTE, Severity.ABSOLUTE, Severity.RELATIVE, Severity.RELATIVE, Severity.INFO,
					Severity.INFO, Severity.INFO);
		assertThat(outcome.ruleIds()).containsExactly("ESK_ABS_AVM", "ESK_AGE_UNDER_18", "ESK_PREDOSE_BP_ELEVATED",
				"ESK_PREGNANCY", "ESK_HEPATIC_MODERATE", "ESK_NASAL_MEDICATION", "INDICATION_OTHER");
		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
	}

	@Test
	void infoFindingsAloneLeaveThePatientEligible() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE)
			.history(HistoryFindingCode.HEPATIC_IMPAIRMENT_MODERATE, ACTIVE)
			.evaluate();

		assertThat(outcome.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE);
	}

	@Test
	void theEngineRunsOnlyTheRulesOfTheRoute() {
		EvaluationRule esketamineOnly = new EvaluationRule() {

			@Override
			public String id() {
				return "TEST_ESK_ALWAYS";
			}

			@Override
			public Set<Route> routes() {
				return Set.of(IN_ESKETAMINE);
			}

			@Override
			public String source() {
				return "test (POLICY)";
			}

			@Override
			public List<Finding> apply(EvaluationFacts facts, ClinicPolicy policy) {
				return List.of(new Finding(id(), Severity.INFO, "always", source(), false, false));
			}
		};
		EvaluationEngine engine = new EvaluationEngine(List.of(esketamineOnly));

		assertThat(engine.evaluate(Facts.eligible(IN_ESKETAMINE).build(), ClinicPolicy.DEFAULTS).ruleIds())
			.containsExactly("TEST_ESK_ALWAYS");
		assertThat(engine.evaluate(Facts.eligible(IV_KETAMINE).build(), ClinicPolicy.DEFAULTS).ruleIds()).isEmpty();
	}

	@Test
	void rulesMustHaveDistinctIds() {
		EvaluationRule rule = StandardRules.byId("ESK_PREGNANCY");

		assertThatThrownBy(() -> new EvaluationEngine(List.of(rule, rule))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("two rules share the id ESK_PREGNANCY");
	}
}
