package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * QIDS-SR16: sixteen items 0-3 scored as nine domains, 0-27: the highest of the sleep items
 * (1-4), item 5, the highest of the appetite and weight items (6-9), items 10 to 14, and the
 * higher of the psychomotor items (15-16). Item 12 (thoughts of death or suicide) above 0 flags
 * suicide risk. Item labels only, as the terms of the full wording are unclear.
 */
final class QidsSr16 extends AbstractScale {

	private static final Range RANGE = new Range(0, 27);

	QidsSr16() {
		super(Instrument.QIDS_SR16, "Quick Inventory of Depressive Symptomatology, self-report (QIDS-SR16)", true,
				"QIDS-SR16 (Rush et al., 2003). Item labels only; a clinic may load the full licensed wording.",
				"For each item, choose the answer from 0 to 3 that best describes you over the past 7 days.", null, null,
				Items.sharing(Items.numbered(0, 3), "Falling asleep", "Sleep during the night", "Waking up too early",
						"Sleeping too much", "Feeling sad", "Decreased appetite", "Increased appetite", "Decreased weight",
						"Increased weight", "Concentration/decision making", "View of myself", "Thoughts of death or suicide",
						"General interest", "Energy level", "Feeling slowed down", "Feeling restless"),
				List.of(band(0, 5, "NONE"), band(6, 10, "MILD"), band(11, 15, "MODERATE"), band(16, 20, "SEVERE"),
						band(21, 27, "VERY_SEVERE")));
	}

	@Override
	public Range totalRange() {
		return RANGE;
	}

	@Override
	Integer total(int[] values) {
		return max(values, 1, 4) + values[4] + max(values, 6, 9) + values[9] + values[10] + values[11] + values[12]
				+ values[13] + max(values, 15, 16);
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		int item12 = values[11];
		if (item12 == 0) {
			return List.of();
		}
		return List.of(new Score.Flag(SUICIDE_RISK,
				"QIDS-SR16 item 12 (thoughts of death or suicide) answered " + item12 + ": assess suicide risk"));
	}
}
