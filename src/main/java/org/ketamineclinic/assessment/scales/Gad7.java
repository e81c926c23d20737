package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/** GAD-7: seven items 0-3 summed, 0-21. */
final class Gad7 extends AbstractScale {

	Gad7() {
		super(Instrument.GAD7, "Generalized Anxiety Disorder scale (GAD-7)", true,
				"GAD-7 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke, Bernd L\u00f6we and colleagues, "
						+ "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
				"Over the last 2 weeks, how often have you been bothered by the following problems?", "69737-5", "70274-6",
				Items.sharing(Phq9.FREQUENCY,
						List.of("Feeling nervous, anxious, or on edge", "Not being able to stop or control worrying",
								"Worrying too much about different things", "Trouble relaxing",
								"Being so restless that it is hard to sit still", "Becoming easily annoyed or irritable",
								"Feeling afraid, as if something awful might happen"),
						List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7")),
				List.of(band(0, 4, "MINIMAL"), band(5, 9, "MILD"), band(10, 14, "MODERATE"), band(15, 21, "SEVERE")));
	}
}
