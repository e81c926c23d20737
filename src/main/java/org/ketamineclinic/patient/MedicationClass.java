package org.ketamineclinic.patient;

/** Current-medication classes that change what a session needs (clinical reference, section 3). */
public enum MedicationClass {
	BENZODIAZEPINE("Benzodiazepine"),
	OPIOID("Opioid"),
	OTHER_CNS_DEPRESSANT("Other CNS depressant"),
	PSYCHOSTIMULANT("Psychostimulant"),
	MAOI("MAO inhibitor"),
	NASAL_CORTICOSTEROID("Nasal corticosteroid"),
	NASAL_DECONGESTANT("Nasal decongestant"),
	LAMOTRIGINE("Lamotrigine"),
	ANTIDEPRESSANT("Antidepressant"),
	OTHER("Other");

	private final String label;

	MedicationClass(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
