package org.ketamineclinic.outcomes.internal;

import org.ketamineclinic.assessment.AssessmentRecorded;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Each new MADRS or PHQ-9 score is a chance to see a relapse. Nobody is signed in here, so the
 * check runs as a named system actor of the clinic and reads the other modules like a physician.
 */
@Component
class RelapseDetection {

	private final RelapseAlertService alerts;

	RelapseDetection(RelapseAlertService alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(AssessmentRecorded recorded) {
		if (recorded.total() == null || (recorded.instrument() != Instrument.MADRS && recorded.instrument() != Instrument.PHQ9)) {
			return;
		}
		RunAs.systemActor(recorded.clinicId(), "relapse-detection", Role.PHYSICIAN,
				() -> alerts.evaluate(recorded.patientId(), recorded.instrument()));
	}
}
