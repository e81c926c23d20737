package org.ketamineclinic.patient.internal;

/**
 * Who may do what with the registry, in one place. Administrators manage accounts and the
 * audit, not charts; a patient account reads only its own record (checked in the service).
 */
final class PatientPermissions {

	static final String READ = "hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK','PATIENT')";
	static final String SEARCH = "hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')";
	static final String REGISTER = "hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')";
	static final String VOID = "hasAnyRole('PHYSICIAN','FRONT_DESK')";
	static final String MEASURE = "hasAnyRole('PHYSICIAN','NURSE')";
	static final String DIAGNOSE = "hasRole('PHYSICIAN')";
	static final String TAKE_HISTORY = "hasAnyRole('PHYSICIAN','NURSE')";

	private PatientPermissions() {
	}
}
