package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.evaluation.Route.IM_KETAMINE;
import static org.ketamineclinic.evaluation.Route.IN_ESKETAMINE;
import static org.ketamineclinic.evaluation.Route.IV_KETAMINE;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.patient.TrialOutcome;

/** ESK_AGE_UNDER_18, TRD_NOT_MET and INDICATION_OTHER. */
class AgeAndIndicationRulesTest {

	/** A named change to the eligible chart, whether the rule fires on it, and a text its message must contain. */
	record Case(String ruleId, String name, Route route, java.util.function.UnaryOperator<Facts> change, boolean fires,
			String messageContains) {

		@Override
		public String toString() {
			return ruleId + ": " + name + " (" + route + ")";
		}
	}

	static final List<Case> CASES = List.of(
			new Case("ESK_AGE_UNDER_18", "17, a day before the 18th birthday", IN_ESKETAMINE,
					facts -> facts.bornOn(Facts.TODAY.minusYears(18).plusDays(1)), true, "Patient is 17 years old"),
			new Case("ESK_AGE_UNDER_18", "15", IN_ESKETAMINE, facts -> facts.age(15), true, "not approved under 18"),
			new Case("ESK_AGE_UNDER_18", "18 today", IN_ESKETAMINE, facts -> facts.age(18), false, ""),
			new Case("ESK_AGE_UNDER_18", "17 on IV", IV_KETAMINE, facts -> facts.age(17), false, ""),
			new Case("ESK_AGE_UNDER_18", "17 on IM", IM_KETAMINE, facts -> facts.age(17), false, ""),
			new Case("ESK_AGE_UNDER_18", "no birth date", IN_ESKETAMINE, Facts::noBirthDate, false, ""),
			new Case("TRD_NOT_MET", "TRD with 1 adequate failed trial", IN_ESKETAMINE, facts -> facts.adequateFailedTrials(1),
					true, "1 adequate failed trial in the current episode, 2 needed"),
			new Case("TRD_NOT_MET", "TRD with 1 adequate failed trial", IV_KETAMINE, facts -> facts.adequateFailedTrials(1),
					true, "at least 6 weeks"),
			new Case("TRD_NOT_MET", "TRD with only inadequate trials", IM_KETAMINE,
					facts -> facts.trials(Facts.trial("sertraline").lasting(3).build(),
							Facts.trial("citalopram").outcome(TrialOutcome.INTOLERANT).build()),
					true, "0 adequate failed trials"),
			new Case("TRD_NOT_MET", "TRD with 2 adequate failed trials", IN_ESKETAMINE, facts -> facts, false, ""),
			new Case("TRD_NOT_MET", "MDSI with 1 trial", IN_ESKETAMINE,
					facts -> facts.indication(Indication.MDSI).adequateFailedTrials(1), false, ""),
			new Case("TRD_NOT_MET", "OTHER with no trials", IV_KETAMINE,
					facts -> facts.indication(Indication.OTHER).noTrials(), false, ""),
			new Case("TRD_NOT_MET", "TRD with no trials charted (missing instead)", IV_KETAMINE, Facts::noTrials, false, ""),
			new Case("INDICATION_OTHER", "other indication", IV_KETAMINE, facts -> facts.indication(Indication.OTHER), true,
					"non-psychotic major depressive episodes"),
			new Case("INDICATION_OTHER", "other indication", IN_ESKETAMINE, facts -> facts.indication(Indication.OTHER), true,
					"off-label"),
			new Case("INDICATION_OTHER", "TRD", IM_KETAMINE, facts -> facts, false, ""),
			new Case("INDICATION_OTHER", "MDSI", IN_ESKETAMINE, facts -> facts.indication(Indication.MDSI), false, ""));

	static List<Case> cases() {
		return CASES;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void firesOrStaysSilent(Case row) {
		Facts facts = row.change().apply(Facts.eligible(row.route()));

		List<Finding> findings = facts.apply(row.ruleId());

		if (row.fires()) {
			assertThat(findings).singleElement().satisfies(finding -> {
				assertThat(finding.ruleId()).isEqualTo(row.ruleId());
				assertThat(finding.message()).contains(row.messageContains());
			});
			assertThat(facts.evaluate().ruleIds()).contains(row.ruleId());
		}
		else {
			assertThat(findings).isEmpty();
			assertThat(facts.evaluate().ruleIds()).doesNotContain(row.ruleId());
		}
	}

	@Test
	void underEighteenOnEsketamineIsARegulatoryAbsoluteThatCannotBeOverridden() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE).age(17).evaluate();

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.severity()).isEqualTo(Severity.ABSOLUTE);
			assertThat(finding.regulatory()).isTrue();
			assertThat(finding.overridable()).isFalse();
			assertThat(finding.blocksUnconditionally()).isTrue();
			assertThat(finding.source()).contains("8.4 Pediatric Use").endsWith("(REG)");
		});
		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
	}

	@ParameterizedTest
	@EnumSource(Route.class)
	void trdNotMetIsAnAcknowledgeableRelative(Route route) {
		EvaluationOutcome outcome = Facts.eligible(route).adequateFailedTrials(1).evaluate();

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo("TRD_NOT_MET");
			assertThat(finding.severity()).isEqualTo(Severity.RELATIVE);
			assertThat(finding.regulatory()).isFalse();
			assertThat(finding.overridable()).isTrue();
			assertThat(finding.needsAcknowledgement()).isTrue();
			assertThat(finding.source()).contains("Gaynes").endsWith("(POLICY)");
		});
		assertThat(outcome.adequateFailedTrials()).isEqualTo(1);
		assertThat(outcome.treatmentResistant()).isFalse();
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE_WITH_CAUTIONS);
	}

	@Test
	void trdNotMetUsesTheClinicsAdequateDuration() {
		Facts facts = Facts.eligible(IV_KETAMINE)
			.trials(Facts.trial("sertraline").lasting(7).build(), Facts.trial("venlafaxine").lasting(7).build());

		assertThat(facts.apply("TRD_NOT_MET")).isEmpty();
		assertThat(facts.apply("TRD_NOT_MET", ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(8))).singleElement()
			.satisfies(finding -> assertThat(finding.message()).contains("0 adequate failed trials")
				.contains("at least 8 weeks"));
	}

	@Test
	void anotherIndicationIsInformationOnlyAndLeavesThePatientEligible() {
		EvaluationOutcome esketamine = Facts.eligible(IN_ESKETAMINE).indication(Indication.OTHER).evaluate();
		EvaluationOutcome racemic = Facts.eligible(IV_KETAMINE).indication(Indication.OTHER).evaluate();

		assertThat(esketamine.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.regulatory()).isTrue();
			assertThat(finding.overridable()).isFalse();
		});
		assertThat(racemic.findings()).singleElement()
			.satisfies(finding -> assertThat(finding.regulatory()).isFalse());
		assertThat(esketamine.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(racemic.decision()).isEqualTo(Decision.ELIGIBLE);
	}

	static Set<String> firingIds() {
		return CASES.stream().filter(Case::fires).map(Case::ruleId).collect(Collectors.toSet());
	}

	static Set<String> silentIds() {
		return CASES.stream().filter(row -> !row.fires()).map(Case::ruleId).collect(Collectors.toSet());
	}
}
