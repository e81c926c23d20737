package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * PHQ-9: nine items 0-3 summed, 0-27. Item 9 (thoughts of death or self-harm) above 0 flags
 * suicide risk whatever the total. The unscored tenth question (difficulty) is not part of the
 * answers.
 */
final class Phq9 extends AbstractScale {

	/** The answer options of PHQ-9 and GAD-7. */
	static final List<Option> FREQUENCY = Items.options(0, "Not at all", "Several days", "More than half the days",
			"Nearly every day");

	private static final List<String> TEXTS = List.of(
			"Little interest or pleasure in doing things",
			"Feeling down, depressed, or hopeless",
			"Trouble falling or staying asleep, or sleeping too much",
			"Feeling tired or having little energy",
			"Poor appetite or overeating",
			"Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down",
			"Trouble concentrating on things, such as reading the newspaper or watching television",
			"Moving or speaking so slowly that other people could have noticed? Or the opposite \u2014 being so fidgety "
					+ "or restless that you have been moving around a lot more than usual",
			"Thoughts that you would be better off dead or of hurting yourself in some way");

	private static final List<String> LOINCS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
			"44252-5", "44253-3", "44260-8");

	Phq9() {
		super(Instrument.PHQ9, "Patient Health Questionnaire (PHQ-9)", true,
				"PHQ-9 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
						+ "educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
				"Over the last 2 weeks, how often have you been bothered by any of the following problems?", "44249-1",
				"44261-6", Items.sharing(FREQUENCY, TEXTS, LOINCS),
				List.of(band(0, 4, "MINIMAL"), band(5, 9, "MILD"), band(10, 14, "MODERATE"),
						band(15, 19, "MODERATELY_SEVERE"), band(20, 27, "SEVERE")));
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		int item9 = values[8];
		if (item9 == 0) {
			return List.of();
		}
		return List.of(new Score.Flag(SUICIDE_RISK, "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered "
				+ item9 + " (" + FREQUENCY.get(item9).label() + "): assess suicide risk"));
	}
}
