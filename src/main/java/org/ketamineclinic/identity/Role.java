package org.ketamineclinic.identity;

/** What a person does in the clinic; permissions follow from it. */
public enum Role {

	ADMIN("Administrator"),
	PHYSICIAN("Physician"),
	NURSE("Nurse"),
	THERAPIST("Therapist"),
	FRONT_DESK("Front desk"),
	PATIENT("Patient");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isStaff() {
		return this != PATIENT;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
