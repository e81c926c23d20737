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
import org.junit.jupiter.params.provider.MethodSource;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;

/**
 * Baseline blood pressure: above 140/90 prompts for esketamine (RELATIVE, REG); at or above 180/100
 * blocks racemic ketamine unless overridden (ABSOLUTE by clinic policy).
 */
class BloodPressureRulesTest {

	static final String ESK = "ESK_PREDOSE_BP_ELEVATED";

	static final String RAC = "RAC_ABS_BASELINE_BP";

	record Case(String ruleId, Route route, int sbp, int dbp, boolean fires) {
	}

	static final List<Case> CASES = List.of(new Case(ESK, IN_ESKETAMINE, 141, 80, true),
			new Case(ESK, IN_ESKETAMINE, 120, 91, true), new Case(ESK, IN_ESKETAMINE, 185, 105, true),
			new Case(ESK, IN_ESKETAMINE, 140, 90, false), new Case(ESK, IN_ESKETAMINE, 139, 89, false),
			new Case(ESK, IV_KETAMINE, 150, 95, false), new Case(ESK, IM_KETAMINE, 150, 95, false),
			new Case(RAC, IV_KETAMINE, 180, 90, true), new Case(RAC, IV_KETAMINE, 150, 100, true),
			new Case(RAC, IM_KETAMINE, 200, 110, true), new Case(RAC, IV_KETAMINE, 179, 99, false),
			new Case(RAC, IM_KETAMINE, 150, 95, false), new Case(RAC, IN_ESKETAMINE, 190, 110, false));

	static List<Case> cases() {
		return CASES;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void firesOnlyOnItsRouteAndAcrossItsLimit(Case row) {
		Facts facts = Facts.eligible(row.route()).bloodPressure(row.sbp(), row.dbp());

		List<Finding> findings = facts.apply(row.ruleId());

		if (row.fires()) {
			assertThat(findings).singleElement()
				.satisfies(finding -> assertThat(finding.message()).contains(row.sbp() + "/" + row.dbp() + " mmHg"));
			assertThat(facts.evaluate().ruleIds()).contains(row.ruleId());
		}
		else {
			assertThat(findings).isEmpty();
			assertThat(facts.evaluate().ruleIds()).doesNotContain(row.ruleId());
		}
	}

	@Test
	void esketaminePromptIsARegulatoryRelativeThatCanBeAcknowledged() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE).bloodPressure(150, 85).evaluate();

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo(ESK);
			assertThat(finding.severity()).isEqualTo(Severity.RELATIVE);
			assertThat(finding.regulatory()).isTrue();
			assertThat(finding.overridable()).isTrue();
			assertThat(finding.message()).contains("above 140/90 mmHg").contains("delaying");
			assertThat(finding.source()).contains("Increases in Blood Pressure").endsWith("(REG)");
		});
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE_WITH_CAUTIONS);
	}

	@Test
	void racemicLimitIsAnOverridableAbsoluteByPolicy() {
		EvaluationOutcome outcome = Facts.eligible(IV_KETAMINE).bloodPressure(182, 96).evaluate();

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo(RAC);
			assertThat(finding.severity()).isEqualTo(Severity.ABSOLUTE);
			assertThat(finding.regulatory()).isFalse();
			assertThat(finding.overridable()).isTrue();
			assertThat(finding.message()).contains("at or above the clinic limit of 180/100 mmHg");
			assertThat(finding.source()).endsWith("(POLICY)");
		});
		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
	}

	@Test
	void aStricterClinicLimitAppliesToBothRoutes() {
		ClinicPolicy strict = ClinicPolicy.DEFAULTS.withIvPreDoseBloodPressureLimit(new BloodPressureLimit(160, 95))
			.withEsketaminePreDoseLimit(new BloodPressureLimit(130, 85));

		assertThat(Facts.eligible(IV_KETAMINE).bloodPressure(165, 80).apply(RAC, strict)).hasSize(1);
		assertThat(Facts.eligible(IV_KETAMINE).bloodPressure(159, 94).apply(RAC, strict)).isEmpty();
		assertThat(Facts.eligible(IN_ESKETAMINE).bloodPressure(135, 80).apply(ESK, strict)).hasSize(1);
		assertThat(Facts.eligible(IN_ESKETAMINE).bloodPressure(130, 85).apply(ESK, strict)).isEmpty();
	}

	@Test
	void withoutABloodPressureNeitherRuleFiresAndTheEvaluationIsIncomplete() {
		for (Route route : Route.values()) {
			Facts facts = Facts.eligible(route).noBloodPressure();
			assertThat(facts.apply(ESK)).isEmpty();
			assertThat(facts.apply(RAC)).isEmpty();
			EvaluationOutcome outcome = facts.evaluate();
			assertThat(outcome.decision()).as(route.name()).isEqualTo(Decision.INCOMPLETE);
			assertThat(outcome.missing()).containsExactly("baseline blood pressure");
		}
	}

	static Set<String> firingIds() {
		return CASES.stream().filter(Case::fires).map(Case::ruleId).collect(Collectors.toSet());
	}

	static Set<String> silentIds() {
		return CASES.stream().filter(row -> !row.fires()).map(Case::ruleId).collect(Collectors.toSet());
	}
}
