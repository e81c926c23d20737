package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/** Every scale the platform knows, scored with one clinic's settings. */
public final class Scales {

	private Scales() {
	}

	public static Scale of(Instrument instrument, ScaleSettings settings) {
		throw new UnsupportedOperationException("scoring of " + instrument + " is not built yet");
	}

	public static List<Scale> all(ScaleSettings settings) {
		return java.util.Arrays.stream(Instrument.values()).map(instrument -> of(instrument, settings)).toList();
	}
}
