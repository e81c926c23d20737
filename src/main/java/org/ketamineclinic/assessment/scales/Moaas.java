package org.ketamineclinic.assessment.scales;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * MOAA/S: one observation 0-5; the total is that score and the severity names the level. At or
 * below the clinic's observation level (default 3) it flags increased observation, at or below the
 * emergency level (default 1) a sedation emergency as well.
 */
final class Moaas extends AbstractScale {

	static final String INCREASED_OBSERVATION = "INCREASED_OBSERVATION";

	static final String SEDATION_EMERGENCY = "SEDATION_EMERGENCY";

	private final int increasedObservationAtOrBelow;

	private final int emergencyAtOrBelow;

	Moaas(int increasedObservationAtOrBelow, int emergencyAtOrBelow) {
		super(Instrument.MOAAS, "Modified Observer's Assessment of Alertness/Sedation (MOAA/S)", false,
				"MOAA/S (Chernik et al., 1990), published scale.",
				"Choose the level at which the patient responds.", null, null,
				List.of(new Item(1, "Responsiveness", null,
						Items.options(0, "No response after painful trapezius squeeze",
								"Responds only after painful trapezius squeeze", "Responds only after mild prodding or shaking",
								"Responds only after name is called loudly and/or repeatedly",
								"Lethargic response to name spoken in normal tone",
								"Responds readily to name spoken in normal tone (alert)"))),
				List.of(band(0, 0, "NO_RESPONSE"), band(1, 1, "RESPONDS_TO_TRAPEZIUS_SQUEEZE"),
						band(2, 2, "RESPONDS_TO_PRODDING"), band(3, 3, "RESPONDS_TO_LOUD_VOICE"), band(4, 4, "LETHARGIC"),
						band(5, 5, "ALERT")));
		this.increasedObservationAtOrBelow = increasedObservationAtOrBelow;
		this.emergencyAtOrBelow = emergencyAtOrBelow;
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		int score = values[0];
		List<Score.Flag> flags = new ArrayList<>();
		if (score <= increasedObservationAtOrBelow) {
			flags.add(new Score.Flag(INCREASED_OBSERVATION,
					"MOAA/S " + score + " is at or below " + increasedObservationAtOrBelow + ": increase observation"));
		}
		if (score <= emergencyAtOrBelow) {
			flags.add(new Score.Flag(SEDATION_EMERGENCY,
					"MOAA/S " + score + " is at or below " + emergencyAtOrBelow + ": sedation emergency"));
		}
		return flags;
	}
}
