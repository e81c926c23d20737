package org.ketamineclinic.evaluation;

import java.util.Optional;
import java.util.UUID;

/** Whether a patient has a current, physician-approved evaluation for a route: courses and sessions require one. */
public interface ApprovedEvaluations {

	boolean hasCurrentApproval(UUID patientId, Route route);

	/** What the current approved evaluation for the route is for (TRD, MDSI ...), if there is one. */
	Optional<Indication> approvedIndication(UUID patientId, Route route);
}
