package org.ketamineclinic.evaluation.rules;

import static org.ketamineclinic.evaluation.rules.AbstractRule.ESKETAMINE;
import static org.ketamineclinic.evaluation.rules.AbstractRule.RACEMIC;
import static org.ketamineclinic.evaluation.rules.HistoryFindingRule.CURRENT;
import static org.ketamineclinic.evaluation.rules.HistoryFindingRule.ENDED;
import static org.ketamineclinic.evaluation.rules.HistoryFindingRule.EVER;

import java.util.List;
import java.util.Set;

import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.evaluation.rules.HistoryFindingRule.Condition;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;

/**
 * Every rule of clinical reference section 3 (and TRD staging of section 2), in the order they are
 * listed there.
 *
 * <p>
 * Which charted statuses count, per rule: ACTIVE only ({@code CURRENT}) for states that end:
 * pregnancy, breastfeeding, active substance use disorder, uncontrolled hypertension, uncontrolled
 * hyperthyroidism, glaucoma, raised intracranial pressure, severe heart disease, hepatic
 * impairment. ACTIVE or PAST ({@code EVER}) for history: psychosis, mania, intracerebral
 * haemorrhage, hypertensive encephalopathy, aneurysm, arteriovenous malformation, hypersensitivity,
 * seizures, stroke or cerebral trauma (the code already says "recent"; a charted past event still
 * deserves the overridable check), interstitial cystitis (a bladder that has been inflamed is the
 * one ketamine cystitis harms). A PAST substance use disorder gives an INFO finding of its own.
 *
 * <p>
 * Where the reference leaves the weight open:
 * <ul>
 * <li>Esketamine severe hepatic impairment ("not recommended") is RELATIVE, not ABSOLUTE: the
 * label does not contraindicate it; moderate ("longer monitoring may be needed") is INFO.</li>
 * <li>Esketamine pregnancy, breastfeeding, psychosis, substance use, interacting medicines and the
 * 140/90 prompt are RELATIVE and regulatory: overridable only by a documented acknowledgement.</li>
 * <li>Esketamine with other cardiovascular or cerebrovascular conditions (the racemic pressor
 * hazards) is RELATIVE, from the label's "carefully assess" in its blood-pressure warning.</li>
 * <li>Nasal corticosteroids and decongestants on esketamine are INFO (use them an hour before).</li>
 * <li>TRD_NOT_MET is RELATIVE: treating under a TRD indication the chart does not support needs a
 * documented decision. It stays silent when no trial is charted: that is a missing fact instead.</li>
 * <li>Indication OTHER is INFO: off-label use is a consent matter, not an eligibility one.</li>
 * </ul>
 */
public final class StandardRules {

	private static final List<EvaluationRule> ALL = List.of(
			// Esketamine, absolute (REG, label section 4)
			eskAbsolute("ESK_ABS_ANEURYSM", HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE,
					"aneurysmal vascular disease (aorta, intracranial or peripheral arteries) is a contraindication on the "
							+ "esketamine label: esketamine must not be given."),
			eskAbsolute("ESK_ABS_AVM", HistoryFindingCode.ARTERIOVENOUS_MALFORMATION,
					"arteriovenous malformation is a contraindication on the esketamine label: esketamine must not be given."),
			eskAbsolute("ESK_ABS_INTRACEREBRAL_HEMORRHAGE", HistoryFindingCode.INTRACEREBRAL_HEMORRHAGE,
					"a history of intracerebral haemorrhage is a contraindication on the esketamine label: esketamine must not "
							+ "be given."),
			eskAbsolute("ESK_ABS_HYPERSENSITIVITY", HistoryFindingCode.KETAMINE_HYPERSENSITIVITY,
					"hypersensitivity to esketamine, ketamine or an excipient is a contraindication: esketamine must not be "
							+ "given."),
			// Esketamine, other label rules (REG)
			new EsketamineMinimumAge(),
			eskRelative("ESK_HEPATIC_SEVERE", Sources.ESK_HEPATIC, HistoryFindingCode.HEPATIC_IMPAIRMENT_SEVERE, CURRENT,
					"esketamine has not been studied in severe hepatic impairment and is not recommended; a physician must "
							+ "document why the benefit outweighs the risk."),
			new HistoryFindingRule("ESK_HEPATIC_MODERATE", ESKETAMINE, Sources.ESK_HEPATIC, Severity.INFO, true, false,
					HistoryFindingCode.HEPATIC_IMPAIRMENT_MODERATE, CURRENT,
					"monitor for adverse reactions for longer after each dose."),
			new EsketaminePreDoseBloodPressure(),
			eskRelative("ESK_HYPERTENSIVE_ENCEPHALOPATHY", Sources.ESK_BLOOD_PRESSURE,
					HistoryFindingCode.HYPERTENSIVE_ENCEPHALOPATHY_HISTORY, EVER,
					"esketamine raises blood pressure; monitor blood pressure more intensively after each dose."),
			new HistoryFindingRule("ESK_CARDIOVASCULAR_CEREBROVASCULAR", ESKETAMINE, Sources.ESK_BLOOD_PRESSURE,
					Severity.RELATIVE, true, true,
					List.of(new Condition(HistoryFindingCode.UNCONTROLLED_HYPERTENSION, CURRENT),
							new Condition(HistoryFindingCode.SEVERE_CARDIOVASCULAR_DISEASE, CURRENT),
							new Condition(HistoryFindingCode.RECENT_STROKE_OR_CEREBRAL_TRAUMA, EVER),
							new Condition(HistoryFindingCode.RAISED_INTRACRANIAL_PRESSURE, CURRENT)),
					"esketamine raises blood pressure; assess carefully whether the benefit outweighs the risk of "
							+ "cardiovascular and cerebrovascular harm before prescribing."),
			new MedicationClassRule("ESK_MAOI_OR_PSYCHOSTIMULANT", ESKETAMINE, Sources.ESK_INTERACTIONS, Severity.RELATIVE,
					true, Set.of(MedicationClass.MAOI, MedicationClass.PSYCHOSTIMULANT),
					"with esketamine these can raise blood pressure further; monitor blood pressure closely."),
			new MedicationClassRule("ESK_CNS_DEPRESSANT", ESKETAMINE, Sources.ESK_SEDATION, Severity.RELATIVE, true,
					Set.of(MedicationClass.BENZODIAZEPINE, MedicationClass.OPIOID, MedicationClass.OTHER_CNS_DEPRESSANT),
					"with esketamine sedation is likely to be deeper; monitor closely for sedation (alcohol adds to it too)."),
			new MedicationClassRule("ESK_NASAL_MEDICATION", ESKETAMINE, Sources.ESK_NASAL, Severity.INFO, true,
					Set.of(MedicationClass.NASAL_CORTICOSTEROID, MedicationClass.NASAL_DECONGESTANT),
					"on dosing days it should be used at least 1 hour before esketamine."),
			eskRelative("ESK_PREGNANCY", Sources.ESK_PREGNANCY, HistoryFindingCode.PREGNANCY, CURRENT,
					"esketamine is not recommended in pregnancy and may cause fetal harm (embryo-fetal toxicity warning); advise "
							+ "the patient of the risk, and a physician must document why treatment goes ahead."),
			eskRelative("ESK_BREASTFEEDING", Sources.ESK_LACTATION, HistoryFindingCode.BREASTFEEDING, CURRENT,
					"breastfeeding is not recommended during esketamine treatment."),
			eskRelative("ESK_PSYCHOSIS", Sources.ESK_PSYCHOSIS, HistoryFindingCode.PSYCHOSIS_HISTORY, EVER,
					"esketamine can induce dissociation and perceptual changes; assess carefully and start treatment only if the "
							+ "benefit outweighs the risk."),
			eskRelative("ESK_SUBSTANCE_USE", Sources.ESK_ABUSE, HistoryFindingCode.SUBSTANCE_USE_DISORDER_ACTIVE, CURRENT,
					"esketamine is a Schedule III drug with abuse and misuse potential; weigh the risks and benefits for a "
							+ "patient at higher risk of abuse, and monitor for abuse or misuse."),
			new HistoryFindingRule("ESK_SUBSTANCE_USE_HISTORY", ESKETAMINE, Sources.ESK_ABUSE, Severity.INFO, true, false,
					HistoryFindingCode.SUBSTANCE_USE_DISORDER_ACTIVE, ENDED,
					"a past substance use disorder raises the risk of esketamine abuse or misuse; assess it before prescribing "
							+ "and monitor for relapse."),
			// Racemic ketamine (IV, IM)
			new HistoryFindingRule("RAC_ABS_HYPERSENSITIVITY", RACEMIC, Sources.RAC_HYPERSENSITIVITY, Severity.ABSOLUTE, false,
					false, HistoryFindingCode.KETAMINE_HYPERSENSITIVITY, EVER,
					"hypersensitivity to ketamine or its components is a contraindication: racemic ketamine must not be "
							+ "given, and this cannot be overridden."),
			new RacemicPressorHazardRule("RAC_ABS_UNCONTROLLED_HYPERTENSION", HistoryFindingCode.UNCONTROLLED_HYPERTENSION,
					CURRENT),
			new RacemicPressorHazardRule("RAC_ABS_SEVERE_CARDIOVASCULAR", HistoryFindingCode.SEVERE_CARDIOVASCULAR_DISEASE,
					CURRENT),
			new RacemicPressorHazardRule("RAC_ABS_RECENT_STROKE_OR_CEREBRAL_TRAUMA",
					HistoryFindingCode.RECENT_STROKE_OR_CEREBRAL_TRAUMA, EVER),
			new RacemicPressorHazardRule("RAC_ABS_RAISED_INTRACRANIAL_PRESSURE",
					HistoryFindingCode.RAISED_INTRACRANIAL_PRESSURE, CURRENT),
			new RacemicPressorHazardRule("RAC_ABS_ANEURYSM", HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE, EVER),
			new RacemicBaselineBloodPressure(),
			racRelative("RAC_REL_PSYCHOSIS", Sources.RAC_PSYCHIATRIC, HistoryFindingCode.PSYCHOSIS_HISTORY, EVER,
					"ketamine can bring back or worsen psychotic symptoms, and the evidence is for non-psychotic depression; a "
							+ "physician must weigh this and document the decision."),
			racRelative("RAC_REL_MANIA", Sources.RAC_PSYCHIATRIC, HistoryFindingCode.MANIA_HISTORY, EVER,
					"ketamine may precipitate mania or hypomania; a physician must weigh this and document the decision."),
			racRelative("RAC_REL_SUBSTANCE_USE", Sources.RAC_PSYCHIATRIC, HistoryFindingCode.SUBSTANCE_USE_DISORDER_ACTIVE,
					CURRENT, "ketamine has misuse potential (including ketamine or PCP use disorders); consider a urine drug "
							+ "screen, and a physician must document the decision."),
			new HistoryFindingRule("RAC_SUBSTANCE_USE_HISTORY", RACEMIC, Sources.RAC_PSYCHIATRIC, Severity.INFO, false, false,
					HistoryFindingCode.SUBSTANCE_USE_DISORDER_ACTIVE, ENDED,
					"a past substance use disorder raises the risk of ketamine misuse; ask about relapse and consider a urine "
							+ "drug screen if misuse is suspected."),
			racRelative("RAC_REL_PREGNANCY", Sources.RAC_RELATIVE, HistoryFindingCode.PREGNANCY, CURRENT,
					"the safety of ketamine in pregnancy is not established; a physician must weigh the risk and document the "
							+ "decision."),
			racRelative("RAC_REL_BREASTFEEDING", Sources.RAC_RELATIVE, HistoryFindingCode.BREASTFEEDING, CURRENT,
					"ketamine passes into breast milk and its safety for the infant is not established; a physician must "
							+ "document the decision."),
			racRelative("RAC_REL_GLAUCOMA", Sources.RAC_RELATIVE, HistoryFindingCode.GLAUCOMA, CURRENT,
					"ketamine can raise intraocular pressure; a physician must weigh this and document the decision."),
			racRelative("RAC_REL_HYPERTHYROIDISM", Sources.RAC_RELATIVE, HistoryFindingCode.HYPERTHYROIDISM_UNCONTROLLED,
					CURRENT, "ketamine's sympathetic stimulation adds to tachycardia and hypertension; a physician must weigh "
							+ "this and document the decision."),
			racRelative("RAC_REL_SEIZURES", Sources.RAC_RELATIVE, HistoryFindingCode.SEIZURE_DISORDER_RECENT, EVER,
					"recent seizures or epilepsy: a physician must weigh the seizure risk during sessions and document the "
							+ "decision."),
			racRelative("RAC_REL_INTERSTITIAL_CYSTITIS", Sources.RAC_RELATIVE, HistoryFindingCode.INTERSTITIAL_CYSTITIS, EVER,
					"repeated ketamine can cause cystitis and bladder damage; monitor urinary symptoms, and a physician must "
							+ "document the decision."),
			racRelative("RAC_REL_HEPATIC_SEVERE", Sources.RAC_RELATIVE, HistoryFindingCode.HEPATIC_IMPAIRMENT_SEVERE, CURRENT,
					"ketamine is cleared by the liver and repeated courses have caused liver injury; a physician must weigh "
							+ "this and document the decision."),
			// All routes
			new TrdNotMet(), new IndicationOutsideEvidence());

	private StandardRules() {
	}

	/** Every standard rule, in reference order. */
	public static List<EvaluationRule> all() {
		return ALL;
	}

	/** The standard rule with this id. */
	public static EvaluationRule byId(String id) {
		return ALL.stream()
			.filter(rule -> rule.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no rule " + id));
	}

	private static EvaluationRule eskAbsolute(String id, HistoryFindingCode code, String advice) {
		return new HistoryFindingRule(id, ESKETAMINE, Sources.ESK_CONTRAINDICATIONS, Severity.ABSOLUTE, true, false, code,
				EVER, advice);
	}

	private static EvaluationRule eskRelative(String id, String source, HistoryFindingCode code,
			Set<FindingStatus> counts, String advice) {
		return new HistoryFindingRule(id, ESKETAMINE, source, Severity.RELATIVE, true, true, code, counts, advice);
	}

	private static EvaluationRule racRelative(String id, String source, HistoryFindingCode code,
			Set<FindingStatus> counts, String advice) {
		return new HistoryFindingRule(id, RACEMIC, source, Severity.RELATIVE, false, true, code, counts, advice);
	}
}
