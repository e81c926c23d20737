package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ketamineclinic.evaluation.Route.IM_KETAMINE;
import static org.ketamineclinic.evaluation.Route.IN_ESKETAMINE;
import static org.ketamineclinic.evaluation.Route.IV_KETAMINE;
import static org.ketamineclinic.evaluation.Severity.ABSOLUTE;
import static org.ketamineclinic.evaluation.Severity.INFO;
import static org.ketamineclinic.evaluation.Severity.RELATIVE;
import static org.ketamineclinic.patient.FindingStatus.ACTIVE;
import static org.ketamineclinic.patient.FindingStatus.PAST;
import static org.ketamineclinic.patient.HistoryFindingCode.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;

/** The rules that read history findings: when each fires, with what, and when it stays silent. */
class HistoryRulesTest {

	record Fires(String ruleId, Route route, HistoryFindingCode code, FindingStatus status, Severity severity,
			boolean regulatory, boolean overridable) {
	}

	record Silent(String ruleId, Route route, HistoryFindingCode code, FindingStatus status, String why) {
	}

	static final List<Fires> FIRES = List.of(
			new Fires("ESK_ABS_ANEURYSM", IN_ESKETAMINE, ANEURYSMAL_VASCULAR_DISEASE, ACTIVE, ABSOLUTE, true, false),
			new Fires("ESK_ABS_ANEURYSM", IN_ESKETAMINE, ANEURYSMAL_VASCULAR_DISEASE, PAST, ABSOLUTE, true, false),
			new Fires("ESK_ABS_AVM", IN_ESKETAMINE, ARTERIOVENOUS_MALFORMATION, ACTIVE, ABSOLUTE, true, false),
			new Fires("ESK_ABS_AVM", IN_ESKETAMINE, ARTERIOVENOUS_MALFORMATION, PAST, ABSOLUTE, true, false),
			new Fires("ESK_ABS_INTRACEREBRAL_HEMORRHAGE", IN_ESKETAMINE, INTRACEREBRAL_HEMORRHAGE, ACTIVE, ABSOLUTE, true, false),
			new Fires("ESK_ABS_INTRACEREBRAL_HEMORRHAGE", IN_ESKETAMINE, INTRACEREBRAL_HEMORRHAGE, PAST, ABSOLUTE, true, false),
			new Fires("ESK_ABS_HYPERSENSITIVITY", IN_ESKETAMINE, KETAMINE_HYPERSENSITIVITY, ACTIVE, ABSOLUTE, true, false),
			new Fires("ESK_ABS_HYPERSENSITIVITY", IN_ESKETAMINE, KETAMINE_HYPERSENSITIVITY, PAST, ABSOLUTE, true, false),
			new Fires("ESK_HEPATIC_SEVERE", IN_ESKETAMINE, HEPATIC_IMPAIRMENT_SEVERE, ACTIVE, RELATIVE, true, true),
			new Fires("ESK_HEPATIC_MODERATE", IN_ESKETAMINE, HEPATIC_IMPAIRMENT_MODERATE, ACTIVE, INFO, true, false),
			new Fires("ESK_HYPERTENSIVE_ENCEPHALOPATHY", IN_ESKETAMINE, HYPERTENSIVE_ENCEPHALOPATHY_HISTORY, ACTIVE, RELATIVE,
					true, true),
			new Fires("ESK_HYPERTENSIVE_ENCEPHALOPATHY", IN_ESKETAMINE, HYPERTENSIVE_ENCEPHALOPATHY_HISTORY, PAST, RELATIVE,
					true, true),
			new Fires("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, UNCONTROLLED_HYPERTENSION, ACTIVE, RELATIVE, true,
					true),
			new Fires("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, ACTIVE, RELATIVE,
					true, true),
			new Fires("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, ACTIVE, RELATIVE,
					true, true),
			new Fires("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, PAST, RELATIVE,
					true, true),
			new Fires("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, RAISED_INTRACRANIAL_PRESSURE, ACTIVE, RELATIVE, true,
					true),
			new Fires("ESK_PREGNANCY", IN_ESKETAMINE, PREGNANCY, ACTIVE, RELATIVE, true, true),
			new Fires("ESK_BREASTFEEDING", IN_ESKETAMINE, BREASTFEEDING, ACTIVE, RELATIVE, true, true),
			new Fires("ESK_PSYCHOSIS", IN_ESKETAMINE, PSYCHOSIS_HISTORY, ACTIVE, RELATIVE, true, true),
			new Fires("ESK_PSYCHOSIS", IN_ESKETAMINE, PSYCHOSIS_HISTORY, PAST, RELATIVE, true, true),
			new Fires("ESK_SUBSTANCE_USE", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE, RELATIVE, true, true),
			new Fires("ESK_SUBSTANCE_USE_HISTORY", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, INFO, true, false),
			new Fires("RAC_ABS_HYPERSENSITIVITY", IV_KETAMINE, KETAMINE_HYPERSENSITIVITY, ACTIVE, ABSOLUTE, false, false),
			new Fires("RAC_ABS_HYPERSENSITIVITY", IM_KETAMINE, KETAMINE_HYPERSENSITIVITY, PAST, ABSOLUTE, false, false),
			new Fires("RAC_ABS_UNCONTROLLED_HYPERTENSION", IV_KETAMINE, UNCONTROLLED_HYPERTENSION, ACTIVE, ABSOLUTE, false, true),
			new Fires("RAC_ABS_UNCONTROLLED_HYPERTENSION", IM_KETAMINE, UNCONTROLLED_HYPERTENSION, ACTIVE, ABSOLUTE, false, true),
			new Fires("RAC_ABS_SEVERE_CARDIOVASCULAR", IV_KETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, ACTIVE, ABSOLUTE, false, true),
			new Fires("RAC_ABS_SEVERE_CARDIOVASCULAR", IM_KETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, ACTIVE, ABSOLUTE, false, true),
			new Fires("RAC_ABS_RECENT_STROKE_OR_CEREBRAL_TRAUMA", IV_KETAMINE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, ACTIVE,
					ABSOLUTE, false, true),
			new Fires("RAC_ABS_RECENT_STROKE_OR_CEREBRAL_TRAUMA", IM_KETAMINE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, PAST, ABSOLUTE,
					false, true),
			new Fires("RAC_ABS_RAISED_INTRACRANIAL_PRESSURE", IV_KETAMINE, RAISED_INTRACRANIAL_PRESSURE, ACTIVE, ABSOLUTE, false,
					true),
			new Fires("RAC_ABS_ANEURYSM", IV_KETAMINE, ANEURYSMAL_VASCULAR_DISEASE, PAST, ABSOLUTE, false, true),
			new Fires("RAC_ABS_ANEURYSM", IM_KETAMINE, ANEURYSMAL_VASCULAR_DISEASE, ACTIVE, ABSOLUTE, false, true),
			new Fires("RAC_REL_PSYCHOSIS", IV_KETAMINE, PSYCHOSIS_HISTORY, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_PSYCHOSIS", IM_KETAMINE, PSYCHOSIS_HISTORY, PAST, RELATIVE, false, true),
			new Fires("RAC_REL_MANIA", IV_KETAMINE, MANIA_HISTORY, PAST, RELATIVE, false, true),
			new Fires("RAC_REL_MANIA", IM_KETAMINE, MANIA_HISTORY, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_SUBSTANCE_USE", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_SUBSTANCE_USE", IM_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_SUBSTANCE_USE_HISTORY", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, INFO, false, false),
			new Fires("RAC_SUBSTANCE_USE_HISTORY", IM_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, INFO, false, false),
			new Fires("RAC_REL_PREGNANCY", IV_KETAMINE, PREGNANCY, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_BREASTFEEDING", IM_KETAMINE, BREASTFEEDING, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_GLAUCOMA", IV_KETAMINE, GLAUCOMA, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_HYPERTHYROIDISM", IM_KETAMINE, HYPERTHYROIDISM_UNCONTROLLED, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_SEIZURES", IV_KETAMINE, SEIZURE_DISORDER_RECENT, PAST, RELATIVE, false, true),
			new Fires("RAC_REL_SEIZURES", IM_KETAMINE, SEIZURE_DISORDER_RECENT, ACTIVE, RELATIVE, false, true),
			new Fires("RAC_REL_INTERSTITIAL_CYSTITIS", IV_KETAMINE, INTERSTITIAL_CYSTITIS, PAST, RELATIVE, false, true),
			new Fires("RAC_REL_HEPATIC_SEVERE", IV_KETAMINE, HEPATIC_IMPAIRMENT_SEVERE, ACTIVE, RELATIVE, false, true));

	static final List<Silent> SILENT = List.of(
			new Silent("ESK_ABS_ANEURYSM", IV_KETAMINE, ANEURYSMAL_VASCULAR_DISEASE, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_ABS_AVM", IM_KETAMINE, ARTERIOVENOUS_MALFORMATION, PAST, "esketamine rule, IM route"),
			new Silent("ESK_ABS_INTRACEREBRAL_HEMORRHAGE", IV_KETAMINE, INTRACEREBRAL_HEMORRHAGE, ACTIVE,
					"esketamine rule, IV route"),
			new Silent("ESK_ABS_HYPERSENSITIVITY", IV_KETAMINE, KETAMINE_HYPERSENSITIVITY, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_HEPATIC_SEVERE", IN_ESKETAMINE, HEPATIC_IMPAIRMENT_SEVERE, PAST, "a state: past does not count"),
			new Silent("ESK_HEPATIC_SEVERE", IV_KETAMINE, HEPATIC_IMPAIRMENT_SEVERE, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_HEPATIC_MODERATE", IN_ESKETAMINE, HEPATIC_IMPAIRMENT_MODERATE, PAST, "a state: past does not count"),
			new Silent("ESK_HEPATIC_MODERATE", IV_KETAMINE, HEPATIC_IMPAIRMENT_MODERATE, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_HYPERTENSIVE_ENCEPHALOPATHY", IV_KETAMINE, HYPERTENSIVE_ENCEPHALOPATHY_HISTORY, ACTIVE,
					"esketamine rule, IV route"),
			new Silent("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, UNCONTROLLED_HYPERTENSION, PAST,
					"a state: past does not count"),
			new Silent("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, PAST,
					"a state: past does not count"),
			new Silent("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IN_ESKETAMINE, RAISED_INTRACRANIAL_PRESSURE, PAST,
					"a state: past does not count"),
			new Silent("ESK_CARDIOVASCULAR_CEREBROVASCULAR", IV_KETAMINE, UNCONTROLLED_HYPERTENSION, ACTIVE,
					"esketamine rule, IV route"),
			new Silent("ESK_PREGNANCY", IN_ESKETAMINE, PREGNANCY, PAST, "a state: past does not count"),
			new Silent("ESK_PREGNANCY", IV_KETAMINE, PREGNANCY, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_BREASTFEEDING", IN_ESKETAMINE, BREASTFEEDING, PAST, "a state: past does not count"),
			new Silent("ESK_BREASTFEEDING", IM_KETAMINE, BREASTFEEDING, ACTIVE, "esketamine rule, IM route"),
			new Silent("ESK_PSYCHOSIS", IV_KETAMINE, PSYCHOSIS_HISTORY, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_PSYCHOSIS", IN_ESKETAMINE, MANIA_HISTORY, ACTIVE, "mania is not psychosis"),
			new Silent("ESK_SUBSTANCE_USE", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, "a state: past does not count"),
			new Silent("ESK_SUBSTANCE_USE", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE, "esketamine rule, IV route"),
			new Silent("ESK_SUBSTANCE_USE_HISTORY", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE,
					"an active disorder is the relative rule's"),
			new Silent("ESK_SUBSTANCE_USE_HISTORY", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, "esketamine rule, IV route"),
			new Silent("RAC_SUBSTANCE_USE_HISTORY", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE,
					"an active disorder is the relative rule's"),
			new Silent("RAC_SUBSTANCE_USE_HISTORY", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_HYPERSENSITIVITY", IN_ESKETAMINE, KETAMINE_HYPERSENSITIVITY, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_UNCONTROLLED_HYPERTENSION", IV_KETAMINE, UNCONTROLLED_HYPERTENSION, PAST,
					"a state: past does not count"),
			new Silent("RAC_ABS_UNCONTROLLED_HYPERTENSION", IN_ESKETAMINE, UNCONTROLLED_HYPERTENSION, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_SEVERE_CARDIOVASCULAR", IV_KETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, PAST,
					"a state: past does not count"),
			new Silent("RAC_ABS_SEVERE_CARDIOVASCULAR", IN_ESKETAMINE, SEVERE_CARDIOVASCULAR_DISEASE, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_RECENT_STROKE_OR_CEREBRAL_TRAUMA", IN_ESKETAMINE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_RAISED_INTRACRANIAL_PRESSURE", IM_KETAMINE, RAISED_INTRACRANIAL_PRESSURE, PAST,
					"a state: past does not count"),
			new Silent("RAC_ABS_RAISED_INTRACRANIAL_PRESSURE", IN_ESKETAMINE, RAISED_INTRACRANIAL_PRESSURE, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_ABS_ANEURYSM", IN_ESKETAMINE, ANEURYSMAL_VASCULAR_DISEASE, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_PSYCHOSIS", IN_ESKETAMINE, PSYCHOSIS_HISTORY, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_MANIA", IN_ESKETAMINE, MANIA_HISTORY, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_MANIA", IV_KETAMINE, PSYCHOSIS_HISTORY, ACTIVE, "psychosis is not mania"),
			new Silent("RAC_REL_SUBSTANCE_USE", IV_KETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, PAST, "a state: past does not count"),
			new Silent("RAC_REL_SUBSTANCE_USE", IN_ESKETAMINE, SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_REL_PREGNANCY", IV_KETAMINE, PREGNANCY, PAST, "a state: past does not count"),
			new Silent("RAC_REL_PREGNANCY", IN_ESKETAMINE, PREGNANCY, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_BREASTFEEDING", IM_KETAMINE, BREASTFEEDING, PAST, "a state: past does not count"),
			new Silent("RAC_REL_BREASTFEEDING", IN_ESKETAMINE, BREASTFEEDING, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_GLAUCOMA", IV_KETAMINE, GLAUCOMA, PAST, "a state: past does not count"),
			new Silent("RAC_REL_GLAUCOMA", IN_ESKETAMINE, GLAUCOMA, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_HYPERTHYROIDISM", IM_KETAMINE, HYPERTHYROIDISM_UNCONTROLLED, PAST, "a state: past does not count"),
			new Silent("RAC_REL_HYPERTHYROIDISM", IN_ESKETAMINE, HYPERTHYROIDISM_UNCONTROLLED, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_REL_SEIZURES", IN_ESKETAMINE, SEIZURE_DISORDER_RECENT, ACTIVE, "racemic rule, esketamine route"),
			new Silent("RAC_REL_INTERSTITIAL_CYSTITIS", IN_ESKETAMINE, INTERSTITIAL_CYSTITIS, ACTIVE,
					"racemic rule, esketamine route"),
			new Silent("RAC_REL_HEPATIC_SEVERE", IV_KETAMINE, HEPATIC_IMPAIRMENT_SEVERE, PAST, "a state: past does not count"),
			new Silent("RAC_REL_HEPATIC_SEVERE", IV_KETAMINE, HEPATIC_IMPAIRMENT_MODERATE, ACTIVE, "moderate is not severe"),
			new Silent("RAC_REL_HEPATIC_SEVERE", IN_ESKETAMINE, HEPATIC_IMPAIRMENT_SEVERE, ACTIVE,
					"racemic rule, esketamine route"));

	static List<Fires> fires() {
		return FIRES;
	}

	static List<Silent> silent() {
		return SILENT;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fires")
	void fires(Fires row) {
		Facts facts = Facts.eligible(row.route()).history(row.code(), row.status(), "charted by Dr Lee");

		assertThat(facts.apply(row.ruleId())).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo(row.ruleId());
			assertThat(finding.severity()).isEqualTo(row.severity());
			assertThat(finding.regulatory()).isEqualTo(row.regulatory());
			assertThat(finding.overridable()).isEqualTo(row.overridable());
			assertThat(finding.message()).startsWith(row.code().label())
				.contains("(" + row.status().name().toLowerCase() + ": charted by Dr Lee)");
			if (row.regulatory()) {
				assertThat(finding.source()).startsWith("Spravato US label").endsWith("(REG)");
			}
			else {
				assertThat(finding.source()).doesNotContain("(REG)").matches(".*\\((EVID|POLICY)\\)");
			}
		});
		assertThat(facts.evaluate().ruleIds()).contains(row.ruleId());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("silent")
	void staysSilent(Silent row) {
		Facts facts = Facts.eligible(row.route()).history(row.code(), row.status());

		assertThat(facts.apply(row.ruleId())).as(row.why()).isEmpty();
		assertThat(facts.evaluate().ruleIds()).as(row.why()).doesNotContain(row.ruleId());
	}

	@Test
	void noHistoryRuleFiresOnAnEmptyHistory() {
		for (Route route : Route.values()) {
			assertThat(Facts.eligible(route).evaluate().findings()).as(route.name()).isEmpty();
		}
	}

	@Test
	void theFindingCarriesTheChartedStatusWithoutANoteWhenThereIsNone() {
		assertThat(Facts.eligible(IN_ESKETAMINE).history(ARTERIOVENOUS_MALFORMATION, PAST).apply("ESK_ABS_AVM"))
			.singleElement()
			.satisfies(finding -> assertThat(finding.message()).startsWith("Arteriovenous malformation (past): ")
				.contains("esketamine must not be given"));
	}

	@Test
	void oneFindingListsEveryChartedConditionItCovers() {
		List<Finding> findings = Facts.eligible(IN_ESKETAMINE)
			.history(UNCONTROLLED_HYPERTENSION, ACTIVE)
			.history(RECENT_STROKE_OR_CEREBRAL_TRAUMA, PAST)
			.apply("ESK_CARDIOVASCULAR_CEREBROVASCULAR");

		assertThat(findings).singleElement()
			.satisfies(finding -> assertThat(finding.message())
				.startsWith("Uncontrolled hypertension (active); Recent stroke or cerebral trauma (past): "));
	}

	@Test
	void esketamineAndRacemicHypersensitivityRulesEachFireOnlyForTheirRoute() {
		Facts facts = Facts.eligible(IN_ESKETAMINE).history(KETAMINE_HYPERSENSITIVITY, ACTIVE);
		assertThat(facts.evaluate().ruleIds()).containsExactly("ESK_ABS_HYPERSENSITIVITY");
		assertThat(facts.route(IV_KETAMINE).evaluate().ruleIds()).containsExactly("RAC_ABS_HYPERSENSITIVITY");
		assertThat(facts.route(IM_KETAMINE).evaluate().ruleIds()).containsExactly("RAC_ABS_HYPERSENSITIVITY");
	}

	@ParameterizedTest
	@EnumSource(Route.class)
	void aPastSubstanceUseDisorderIsInformationAndAnActiveOneARelative(Route route) {
		EvaluationOutcome past = Facts.eligible(route).history(SUBSTANCE_USE_DISORDER_ACTIVE, PAST).evaluate();
		EvaluationOutcome active = Facts.eligible(route).history(SUBSTANCE_USE_DISORDER_ACTIVE, ACTIVE).evaluate();

		assertThat(past.findings()).extracting(Finding::severity).containsExactly(INFO);
		assertThat(past.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(active.findings()).extracting(Finding::severity).containsExactly(RELATIVE);
		assertThat(active.decision()).isEqualTo(Decision.ELIGIBLE_WITH_CAUTIONS);
	}

	@Test
	void relaxingAPressorHazardMakesItRelativeUnderTheSameIdAndLeavesTheOthersAbsolute() {
		ClinicPolicy relaxed = ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(
				Set.of(SEVERE_CARDIOVASCULAR_DISEASE, RECENT_STROKE_OR_CEREBRAL_TRAUMA, RAISED_INTRACRANIAL_PRESSURE,
						ANEURYSMAL_VASCULAR_DISEASE));
		Facts facts = Facts.eligible(IV_KETAMINE).history(UNCONTROLLED_HYPERTENSION, ACTIVE);

		EvaluationOutcome outcome = facts.evaluate(relaxed);

		assertThat(outcome.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo("RAC_ABS_UNCONTROLLED_HYPERTENSION");
			assertThat(finding.severity()).isEqualTo(RELATIVE);
			assertThat(finding.overridable()).isTrue();
			assertThat(finding.message()).contains("relative contraindication");
		});
		assertThat(outcome.decision()).isEqualTo(Decision.ELIGIBLE_WITH_CAUTIONS);
		assertThat(facts.evaluate().decision()).isEqualTo(Decision.INELIGIBLE);
		assertThat(facts.history(ANEURYSMAL_VASCULAR_DISEASE, PAST).evaluate(relaxed).finding("RAC_ABS_ANEURYSM"))
			.hasValueSatisfying(finding -> assertThat(finding.severity()).isEqualTo(ABSOLUTE));
	}

	@Test
	void hypersensitivityStaysAbsoluteEvenWhenTheClinicRelaxesEveryPressorHazard() {
		ClinicPolicy relaxed = ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(Set.of());
		EvaluationOutcome outcome = Facts.eligible(IM_KETAMINE)
			.history(KETAMINE_HYPERSENSITIVITY, PAST)
			.history(ANEURYSMAL_VASCULAR_DISEASE, PAST)
			.evaluate(relaxed);

		assertThat(outcome.findings()).extracting(Finding::ruleId, Finding::severity, Finding::overridable)
			.containsExactly(tuple("RAC_ABS_HYPERSENSITIVITY", ABSOLUTE, false),
					tuple("RAC_ABS_ANEURYSM", RELATIVE, true));
		assertThat(outcome.decision()).isEqualTo(Decision.INELIGIBLE);
	}

	static Set<String> firingIds() {
		return FIRES.stream().map(Fires::ruleId).collect(Collectors.toSet());
	}

	static Set<String> silentIds() {
		return SILENT.stream().map(Silent::ruleId).collect(Collectors.toSet());
	}
}
