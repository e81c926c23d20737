package org.ketamineclinic.evaluation;

import java.util.UUID;

/**
 * Whether a patient has given informed consent for a route: sessions and courses require it. True
 * only when the patient signed the current version of the route's consent document and a staff
 * member countersigned it; publishing a new version asks for a new signature.
 */
public interface Consents {

	boolean hasCurrentConsent(UUID patientId, Route route);
}
