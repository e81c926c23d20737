package org.ketamineclinic.patient;

/** History findings that eligibility rules read (clinical reference, section 3). */
public enum HistoryFindingCode {
	ANEURYSMAL_VASCULAR_DISEASE("Aneurysmal vascular disease"),
	ARTERIOVENOUS_MALFORMATION("Arteriovenous malformation"),
	INTRACEREBRAL_HEMORRHAGE("Intracerebral haemorrhage"),
	KETAMINE_HYPERSENSITIVITY("Hypersensitivity to ketamine or esketamine"),
	UNCONTROLLED_HYPERTENSION("Uncontrolled hypertension"),
	SEVERE_CARDIOVASCULAR_DISEASE("Severe coronary or myocardial disease"),
	RECENT_STROKE_OR_CEREBRAL_TRAUMA("Recent stroke or cerebral trauma"),
	RAISED_INTRACRANIAL_PRESSURE("Raised intracranial pressure"),
	PSYCHOSIS_HISTORY("Psychosis, current or past"),
	MANIA_HISTORY("History of mania"),
	SUBSTANCE_USE_DISORDER_ACTIVE("Active substance use disorder"),
	PREGNANCY("Pregnancy"),
	BREASTFEEDING("Breastfeeding"),
	GLAUCOMA("Glaucoma or raised intraocular pressure"),
	HYPERTHYROIDISM_UNCONTROLLED("Uncontrolled hyperthyroidism"),
	SEIZURE_DISORDER_RECENT("Recent seizures or epilepsy"),
	INTERSTITIAL_CYSTITIS("Interstitial cystitis"),
	HEPATIC_IMPAIRMENT_MODERATE("Moderate hepatic impairment (Child-Pugh B)"),
	HEPATIC_IMPAIRMENT_SEVERE("Severe hepatic impairment (Child-Pugh C)"),
	HYPERTENSIVE_ENCEPHALOPATHY_HISTORY("History of hypertensive encephalopathy");

	private final String label;

	HistoryFindingCode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
