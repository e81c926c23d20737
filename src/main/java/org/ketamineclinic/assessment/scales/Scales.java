package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/** Every scale the platform knows, scored with one clinic's settings. */
public final class Scales {

	private Scales() {
	}

	public static Scale of(Instrument instrument, ScaleSettings settings) {
		return switch (instrument) {
			case PHQ9 -> new Phq9();
			case GAD7 -> new Gad7();
			case PCL5 -> new Pcl5(settings.pcl5ProbablePtsdCutoff());
			case QIDS_SR16 -> new QidsSr16();
			case MADRS -> new Madrs(settings.madrsSuicideItemThreshold());
			case CSSRS_SCREENER -> new CssrsScreener();
			case CADSS -> new Cadss();
			case MOAAS -> new Moaas(settings.moaasIncreasedObservationAtOrBelow(), settings.moaasEmergencyAtOrBelow());
			case ALDRETE -> new ModifiedAldrete(settings.aldreteDischargeAtOrAbove());
			case BPRS_POSITIVE -> new BprsPositive();
		};
	}

	public static List<Scale> all(ScaleSettings settings) {
		return java.util.Arrays.stream(Instrument.values()).map(instrument -> of(instrument, settings)).toList();
	}
}
