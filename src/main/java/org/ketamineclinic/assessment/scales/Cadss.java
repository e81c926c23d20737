package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.ketamineclinic.assessment.Instrument;

/**
 * CADSS: twenty-three items 0-4 summed, 0-92, rating dissociation during a session; no severity
 * bands. The CADSS-6 short form is the subtotal of items 1, 2, 6, 7, 15 and 22, see
 * {@link #cadss6}. Items are unlabelled ("Item 1" ...) as the licence of the wording is unclear; a
 * clinic loads its own.
 */
public final class Cadss extends AbstractScale {

	/** Item numbers (from 1) of the CADSS-6 short form. */
	public static final List<Integer> CADSS6_ITEMS = List.of(1, 2, 6, 7, 15, 22);

	private static final Cadss INSTANCE = new Cadss();

	Cadss() {
		super(Instrument.CADSS, "Clinician-Administered Dissociative States Scale (CADSS)", false,
				"CADSS (Bremner et al., 1998). Item labels only; a clinic may load the licensed wording.",
				"Rate each item from 0 (not at all) to 4 (extremely) for the patient's experience during the session.", null,
				null,
				Items.unlabelled(23, Items.options(0, "Not at all", "Slightly", "Moderately", "Considerably", "Extremely")),
				List.of());
	}

	/**
	 * The CADSS-6 short-form subtotal (items 1, 2, 6, 7, 15 and 22, 0-24) of a full set of 23 CADSS
	 * answers, checked exactly as {@link #score} checks them.
	 * @throws org.ketamineclinic.platform.InvalidInput for a wrong count or an out-of-range answer
	 */
	public static int cadss6(List<Integer> answers) {
		int[] values = INSTANCE.validated(answers);
		return CADSS6_ITEMS.stream().mapToInt(item -> values[item - 1]).sum();
	}
}
