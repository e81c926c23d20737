package org.ketamineclinic.assessment.internal;

import java.util.UUID;

import org.ketamineclinic.assessment.ExternalAssessments;
import org.springframework.stereotype.Component;

/** The module's face for assessments scored elsewhere, over the service's checked use case. */
@Component
class ExternalAssessmentsAdapter implements ExternalAssessments {

	private final AssessmentService service;

	ExternalAssessmentsAdapter(AssessmentService service) {
		this.service = service;
	}

	@Override
	public UUID recordExternal(UUID patientId, ExternalAssessment assessment) {
		return service.recordExternal(patientId, assessment);
	}
}
