package org.ketamineclinic.evaluation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/**
 * Esketamine REMS (clinical reference section 6): the clinic's healthcare-setting certification and
 * each patient's enrollment, for other modules (a session may start only in a certified setting
 * with an enrolled patient) and for seeding.
 */
public interface RemsRegistry {

	/**
	 * Records the clinic's current REMS certification without a signed-in administrator (seeding,
	 * bootstrap); the caller names itself as the one who recorded it.
	 */
	void certifySetting(ClinicId clinic, Certification certification, String recordedBy);

	/** The clinic's current certification, if it has one. */
	Optional<Certification> certification(ClinicId clinic);

	/** True when the clinic has a current REMS healthcare-setting certification. */
	boolean settingCertified(ClinicId clinic);

	/** True when the patient, in the caller's clinic, is enrolled in the REMS. */
	boolean patientEnrolled(UUID patientId);

	/**
	 * @param settingId the REMS healthcare-setting id
	 * @param authorisedRepresentative the person who certified the setting
	 * @param certifiedOn when it was certified
	 * @param settingName the healthcare setting's name as the REMS knows it (printed on the monitoring form)
	 * @param settingAddress its address
	 * @param settingPhone the phone number the REMS reaches the monitoring clinician on; null only on certifications
	 * recorded before the form needed them
	 */
	record Certification(String settingId, String authorisedRepresentative, LocalDate certifiedOn, @Nullable String settingName,
			@Nullable String settingAddress, @Nullable String settingPhone) {
	}
}
