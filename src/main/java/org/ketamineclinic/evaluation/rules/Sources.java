package org.ketamineclinic.evaluation.rules;

/** Citations shown with each finding; each ends in the reference's flag. */
final class Sources {

	static final String ESK_CONTRAINDICATIONS = "Spravato US label, section 4 Contraindications (REG)";

	static final String ESK_PEDIATRIC = "Spravato US label, sections 1 Indications and 8.4 Pediatric Use (REG)";

	static final String ESK_HEPATIC = "Spravato US label, section 8 Use in Specific Populations: Hepatic Impairment (REG)";

	static final String ESK_BLOOD_PRESSURE = "Spravato US label, section 5 Warnings and Precautions: Increases in Blood Pressure (REG)";

	static final String ESK_INTERACTIONS = "Spravato US label, section 7 Drug Interactions (REG)";

	static final String ESK_SEDATION = "Spravato US label, section 5 Warnings and Precautions: Sedation; section 7 Drug Interactions (REG)";

	static final String ESK_NASAL = "Spravato US label, section 2 Dosage and Administration (REG)";

	static final String ESK_PREGNANCY = "Spravato US label, section 5 Embryo-fetal Toxicity; section 8.1 Pregnancy (REG)";

	static final String ESK_LACTATION = "Spravato US label, section 8.2 Lactation (REG)";

	static final String ESK_PSYCHOSIS = "Spravato US label, section 5 Warnings and Precautions: Dissociation (REG)";

	static final String ESK_ABUSE = "Spravato US label, section 5 Abuse and Misuse; section 9 Drug Abuse and Dependence (REG)";

	static final String RAC_HYPERSENSITIVITY = "Ketamine labels, Contraindications (EVID)";

	static final String RAC_PRESSOR_HAZARD = "Ketamine labels; clinic policy (POLICY)";

	static final String RAC_BLOOD_PRESSURE = "Ketamine labels (a resting 180/100 in one national label); clinic policy (POLICY)";

	static final String RAC_RELATIVE = "Ketamine labels and clinic services; clinic policy (POLICY)";

	static final String RAC_PSYCHIATRIC = "Sanacora et al., JAMA Psychiatry 2017 (EVID); clinic policy (POLICY)";

	static final String TRD = "TRD definition: Spravato US label section 1; Gaynes et al. (EVID); adequate duration: clinic policy (POLICY)";

	static final String INDICATION = "Spravato US label section 1 Indications (REG); Sanacora et al., JAMA Psychiatry 2017 (EVID)";

	private Sources() {
	}
}
