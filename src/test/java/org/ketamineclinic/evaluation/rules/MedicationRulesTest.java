package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.evaluation.Route.IM_KETAMINE;
import static org.ketamineclinic.evaluation.Route.IN_ESKETAMINE;
import static org.ketamineclinic.evaluation.Route.IV_KETAMINE;
import static org.ketamineclinic.patient.MedicationClass.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.patient.MedicationClass;

/** The rules that read current medications (esketamine label, section 7). */
class MedicationRulesTest {

	record Fires(String ruleId, MedicationClass medicationClass, Severity severity) {
	}

	record Silent(String ruleId, Route route, MedicationClass medicationClass, boolean current, String why) {
	}

	static final List<Fires> FIRES = List.of(new Fires("ESK_MAOI_OR_PSYCHOSTIMULANT", MAOI, Severity.RELATIVE),
			new Fires("ESK_MAOI_OR_PSYCHOSTIMULANT", PSYCHOSTIMULANT, Severity.RELATIVE),
			new Fires("ESK_CNS_DEPRESSANT", BENZODIAZEPINE, Severity.RELATIVE),
			new Fires("ESK_CNS_DEPRESSANT", OPIOID, Severity.RELATIVE),
			new Fires("ESK_CNS_DEPRESSANT", OTHER_CNS_DEPRESSANT, Severity.RELATIVE),
			new Fires("ESK_NASAL_MEDICATION", NASAL_CORTICOSTEROID, Severity.INFO),
			new Fires("ESK_NASAL_MEDICATION", NASAL_DECONGESTANT, Severity.INFO));

	static final List<Silent> SILENT = List.of(
			new Silent("ESK_MAOI_OR_PSYCHOSTIMULANT", IV_KETAMINE, MAOI, true, "esketamine rule, IV route"),
			new Silent("ESK_MAOI_OR_PSYCHOSTIMULANT", IN_ESKETAMINE, PSYCHOSTIMULANT, false, "stopped medication"),
			new Silent("ESK_MAOI_OR_PSYCHOSTIMULANT", IN_ESKETAMINE, BENZODIAZEPINE, true, "other class"),
			new Silent("ESK_CNS_DEPRESSANT", IM_KETAMINE, BENZODIAZEPINE, true, "esketamine rule, IM route"),
			new Silent("ESK_CNS_DEPRESSANT", IN_ESKETAMINE, OPIOID, false, "stopped medication"),
			new Silent("ESK_CNS_DEPRESSANT", IN_ESKETAMINE, ANTIDEPRESSANT, true, "other class"),
			new Silent("ESK_NASAL_MEDICATION", IV_KETAMINE, NASAL_DECONGESTANT, true, "esketamine rule, IV route"),
			new Silent("ESK_NASAL_MEDICATION", IN_ESKETAMINE, NASAL_CORTICOSTEROID, false, "stopped medication"),
			new Silent("ESK_NASAL_MEDICATION", IN_ESKETAMINE, LAMOTRIGINE, true, "other class"));

	static List<Fires> fires() {
		return FIRES;
	}

	static List<Silent> silent() {
		return SILENT;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fires")
	void fires(Fires row) {
		Facts facts = Facts.eligible(IN_ESKETAMINE).medication("Drug X", row.medicationClass());

		assertThat(facts.apply(row.ruleId())).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo(row.ruleId());
			assertThat(finding.severity()).isEqualTo(row.severity());
			assertThat(finding.regulatory()).isTrue();
			assertThat(finding.overridable()).isEqualTo(row.severity() == Severity.RELATIVE);
			assertThat(finding.message()).startsWith("Currently taking Drug X (" + row.medicationClass().label() + "): ");
			assertThat(finding.source()).startsWith("Spravato US label").endsWith("(REG)");
		});
		assertThat(facts.evaluate().ruleIds()).containsExactly(row.ruleId());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("silent")
	void staysSilent(Silent row) {
		Facts facts = Facts.eligible(row.route());
		if (row.current()) {
			facts.medication("Drug X", row.medicationClass());
		}
		else {
			facts.pastMedication("Drug X", row.medicationClass());
		}

		assertThat(facts.apply(row.ruleId())).as(row.why()).isEmpty();
		assertThat(facts.evaluate().ruleIds()).as(row.why()).doesNotContain(row.ruleId());
	}

	@Test
	void oneFindingNamesEveryMatchingCurrentMedication() {
		List<Finding> findings = Facts.eligible(IN_ESKETAMINE)
			.medication("lorazepam", BENZODIAZEPINE)
			.medication("oxycodone", OPIOID)
			.pastMedication("diazepam", BENZODIAZEPINE)
			.apply("ESK_CNS_DEPRESSANT");

		assertThat(findings).singleElement()
			.satisfies(finding -> assertThat(finding.message())
				.startsWith("Currently taking lorazepam (Benzodiazepine), oxycodone (Opioid): ")
				.contains("sedation")
				.doesNotContain("diazepam"));
	}

	@Test
	void aMedicationWithoutAClassTriggersNothing() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE).medication("unknown tablet", null).evaluate();

		assertThat(outcome.findings()).isEmpty();
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE);
	}

	@Test
	void stimulantAndDepressantTogetherGiveTwoFindingsAndCautions() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE)
			.medication("phenelzine", MAOI)
			.medication("clonazepam", BENZODIAZEPINE)
			.medication("fluticasone", NASAL_CORTICOSTEROID)
			.evaluate();

		assertThat(outcome.ruleIds()).containsExactly("ESK_MAOI_OR_PSYCHOSTIMULANT", "ESK_CNS_DEPRESSANT",
				"ESK_NASAL_MEDICATION");
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE_WITH_CAUTIONS);
	}

	@Test
	void aNasalMedicationAloneIsInformationAndLeavesThePatientEligible() {
		EvaluationOutcome outcome = Facts.eligible(IN_ESKETAMINE).medication("oxymetazoline", NASAL_DECONGESTANT).evaluate();

		assertThat(outcome.findings()).singleElement()
			.satisfies(finding -> assertThat(finding.message()).contains("at least 1 hour before esketamine"));
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE);
	}

	static Set<String> firingIds() {
		return FIRES.stream().map(Fires::ruleId).collect(Collectors.toSet());
	}

	static Set<String> silentIds() {
		return SILENT.stream().map(Silent::ruleId).collect(Collectors.toSet());
	}
}
