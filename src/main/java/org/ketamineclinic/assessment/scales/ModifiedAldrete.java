package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/**
 * Modified Aldrete score: five domains 0-2 summed, 0-10. The discharge criterion is met at or above
 * the clinic's level (default 9). Circulation and SpO2 use the criteria of the clinical reference.
 */
final class ModifiedAldrete extends AbstractScale {

	private static final Range RANGE = new Range(0, 10);

	ModifiedAldrete(int dischargeAtOrAbove) {
		super(Instrument.ALDRETE, "Modified Aldrete score", false, "Modified Aldrete score (Aldrete, 1995), published scale.",
				"Score each domain from 0 to 2; a total of " + dischargeAtOrAbove
						+ " or more meets the discharge criterion.",
				null, null,
				List.of(new Item(1, "Activity", null,
						Items.options(0, "Unable to move any extremity", "Able to move 2 extremities voluntarily or on command",
								"Able to move all 4 extremities voluntarily or on command")),
						new Item(2, "Respiration", null,
								Items.options(0, "Apnoeic", "Dyspnoea or limited breathing",
										"Able to breathe deeply and cough freely")),
						new Item(3, "Circulation", null,
								Items.options(0, "Blood pressure more than 50 mmHg from baseline",
										"Blood pressure 20 to 50 mmHg from baseline", "Blood pressure within 20 mmHg of baseline")),
						new Item(4, "Consciousness", null,
								Items.options(0, "Not responding", "Arousable on calling", "Fully awake")),
						new Item(5, "Oxygen saturation (SpO2)", null,
								Items.options(0, "SpO2 under 90% even with oxygen", "Needs oxygen to keep SpO2 over 90%",
										"SpO2 over 92% on room air"))),
				splitAt(dischargeAtOrAbove, RANGE, "DISCHARGE_CRITERION_NOT_MET", "DISCHARGE_CRITERION_MET"));
	}
}
