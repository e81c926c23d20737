package org.ketamineclinic.assessment.scales;

/**
 * The clinic-adjustable cut-offs of clinical reference section 4 (each marked POLICY there),
 * with the reference's defaults.
 */
public record ScaleSettings(int pcl5ProbablePtsdCutoff, int madrsSuicideItemThreshold, int moaasIncreasedObservationAtOrBelow,
		int moaasEmergencyAtOrBelow, int aldreteDischargeAtOrAbove) {

	public static final ScaleSettings DEFAULTS = new ScaleSettings(33, 4, 3, 1, 9);
}
