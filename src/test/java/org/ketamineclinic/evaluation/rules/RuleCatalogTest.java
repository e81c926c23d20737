package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;

/** The standard rule set as a whole: ids, routes, sources, and that every rule is tested both ways. */
class RuleCatalogTest {

	static final List<String> IDS = List.of("ESK_ABS_ANEURYSM", "ESK_ABS_AVM", "ESK_ABS_INTRACEREBRAL_HEMORRHAGE",
			"ESK_ABS_HYPERSENSITIVITY", "ESK_AGE_UNDER_18", "ESK_HEPATIC_SEVERE", "ESK_HEPATIC_MODERATE",
			"ESK_PREDOSE_BP_ELEVATED", "ESK_HYPERTENSIVE_ENCEPHALOPATHY", "ESK_CARDIOVASCULAR_CEREBROVASCULAR",
			"ESK_MAOI_OR_PSYCHOSTIMULANT", "ESK_CNS_DEPRESSANT", "ESK_NASAL_MEDICATION", "ESK_PREGNANCY", "ESK_BREASTFEEDING",
			"ESK_PSYCHOSIS", "ESK_SUBSTANCE_USE", "ESK_SUBSTANCE_USE_HISTORY", "RAC_ABS_HYPERSENSITIVITY",
			"RAC_ABS_UNCONTROLLED_HYPERTENSION", "RAC_ABS_SEVERE_CARDIOVASCULAR", "RAC_ABS_RECENT_STROKE_OR_CEREBRAL_TRAUMA",
			"RAC_ABS_RAISED_INTRACRANIAL_PRESSURE", "RAC_ABS_ANEURYSM", "RAC_ABS_BASELINE_BP", "RAC_REL_PSYCHOSIS",
			"RAC_REL_MANIA", "RAC_REL_SUBSTANCE_USE", "RAC_SUBSTANCE_USE_HISTORY", "RAC_REL_PREGNANCY",
			"RAC_REL_BREASTFEEDING", "RAC_REL_GLAUCOMA", "RAC_REL_HYPERTHYROIDISM", "RAC_REL_SEIZURES",
			"RAC_REL_INTERSTITIAL_CYSTITIS", "RAC_REL_HEPATIC_SEVERE", "TRD_NOT_MET", "INDICATION_OTHER");

	@Test
	void theStandardRulesAreExactlyTheseInReferenceOrder() {
		assertThat(StandardRules.all()).extracting(EvaluationRule::id).containsExactlyElementsOf(IDS);
	}

	@Test
	void everyRuleHasACaseWhereItFiresAndOneWhereItDoesNot() {
		Set<String> firing = new HashSet<>();
		firing.addAll(HistoryRulesTest.firingIds());
		firing.addAll(MedicationRulesTest.firingIds());
		firing.addAll(BloodPressureRulesTest.firingIds());
		firing.addAll(AgeAndIndicationRulesTest.firingIds());
		Set<String> silent = new HashSet<>();
		silent.addAll(HistoryRulesTest.silentIds());
		silent.addAll(MedicationRulesTest.silentIds());
		silent.addAll(BloodPressureRulesTest.silentIds());
		silent.addAll(AgeAndIndicationRulesTest.silentIds());

		assertThat(firing).containsExactlyInAnyOrderElementsOf(IDS);
		assertThat(silent).containsExactlyInAnyOrderElementsOf(IDS);
	}

	@Test
	void ruleIdsNameTheirRoutes() {
		for (EvaluationRule rule : StandardRules.all()) {
			if (rule.id().startsWith("ESK_")) {
				assertThat(rule.routes()).as(rule.id()).containsExactly(Route.IN_ESKETAMINE);
			}
			else if (rule.id().startsWith("RAC_")) {
				assertThat(rule.routes()).as(rule.id()).containsExactlyInAnyOrder(Route.IV_KETAMINE, Route.IM_KETAMINE);
			}
			else {
				assertThat(rule.routes()).as(rule.id()).containsExactlyInAnyOrder(Route.values());
			}
		}
	}

	@Test
	void esketamineRulesCiteTheLabelAndOthersDoNotClaimToBeRegulatory() {
		for (EvaluationRule rule : StandardRules.all()) {
			if (rule.id().startsWith("ESK_")) {
				assertThat(rule.source()).as(rule.id()).startsWith("Spravato US label").endsWith("(REG)");
			}
			else if (rule.id().startsWith("RAC_")) {
				assertThat(rule.source()).as(rule.id()).doesNotContain("(REG)").matches(".*\\((EVID|POLICY)\\)");
			}
		}
	}

	@Test
	void unknownRuleIdsAreRefused() {
		assertThatThrownBy(() -> StandardRules.byId("NO_SUCH_RULE")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no rule NO_SUCH_RULE");
	}

	@Test
	void findingsCannotClaimImpossibleCombinations() {
		assertThatThrownBy(() -> new Finding("X", Severity.INFO, "m", "s (EVID)", false, true))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("X: an INFO finding has nothing to override");
		assertThatThrownBy(() -> new Finding("X", Severity.ABSOLUTE, "m", "s (REG)", true, true))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("X: a regulatory absolute cannot be overridden");
		Finding relative = new Finding("X", Severity.RELATIVE, "m", "s (REG)", true, true);
		assertThat(relative.needsAcknowledgement()).isTrue();
		assertThat(relative.blocksUnconditionally()).isFalse();
	}
}
