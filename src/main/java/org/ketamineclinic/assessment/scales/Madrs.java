package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * MADRS: ten clinician-rated items 0-6 summed, 0-60. Item 10 (suicidal thoughts) at or above the
 * clinic's threshold (default 4) flags suicide risk. Item labels only.
 */
final class Madrs extends AbstractScale {

	private final int suicideItemThreshold;

	Madrs(int suicideItemThreshold) {
		super(Instrument.MADRS, "Montgomery-\u00c5sberg Depression Rating Scale (MADRS)", false,
				"MADRS (Montgomery and \u00c5sberg, 1979). Item labels only; raters use the published rating guide.",
				"Rate each item from 0 to 6 from the interview and observation; odd values lie between the defined steps.",
				null, null,
				Items.sharing(Items.numbered(0, 6), "Apparent sadness", "Reported sadness", "Inner tension", "Reduced sleep",
						"Reduced appetite", "Concentration difficulties", "Lassitude", "Inability to feel",
						"Pessimistic thoughts", "Suicidal thoughts"),
				List.of(band(0, 6, "NORMAL"), band(7, 19, "MILD"), band(20, 34, "MODERATE"), band(35, 60, "SEVERE")));
		this.suicideItemThreshold = suicideItemThreshold;
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		int item10 = values[9];
		if (item10 < suicideItemThreshold) {
			return List.of();
		}
		return List.of(new Score.Flag(SUICIDE_RISK, "MADRS item 10 (suicidal thoughts) rated " + item10
				+ ", at or above " + suicideItemThreshold + ": assess suicide risk"));
	}
}
