package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/** BPRS positive-symptom subscale: four clinician-rated items 1-7 summed, 4-28; no bands. Labels only. */
final class BprsPositive extends AbstractScale {

	BprsPositive() {
		super(Instrument.BPRS_POSITIVE, "Brief Psychiatric Rating Scale, positive symptoms (BPRS)", false,
				"BPRS (Overall and Gorham, 1962), positive-symptom items. Item labels only.",
				"Rate each item from 1 (not present) to 7 (extremely severe) from the interview and observation.", null, null,
				Items.sharing(
						Items.options(1, "Not present", "Very mild", "Mild", "Moderate", "Moderately severe", "Severe",
								"Extremely severe"),
						"Conceptual disorganisation", "Hallucinatory behaviour", "Unusual thought content", "Suspiciousness"),
				List.of());
	}
}
