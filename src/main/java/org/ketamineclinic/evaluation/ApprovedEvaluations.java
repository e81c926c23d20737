package org.ketamineclinic.evaluation;

import java.util.UUID;

/** Whether a patient has a current, physician-approved evaluation for a route: courses and sessions require one. */
public interface ApprovedEvaluations {

	boolean hasCurrentApproval(UUID patientId, Route route);
}
