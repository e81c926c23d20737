package org.ketamineclinic.assessment.scales;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * PCL-5: twenty items 0-4 summed, 0-80. Probable PTSD at the clinic's cut-off (default 33). A
 * provisional diagnosis follows the DSM-5 pattern: an item counts when rated 2 or more, and it
 * needs 1 of items 1-5 (B), 1 of 6-7 (C), 2 of 8-14 (D) and 2 of 15-20 (E).
 */
final class Pcl5 extends AbstractScale {

	static final String PROBABLE_PTSD = "PROBABLE_PTSD";

	static final String PROVISIONAL_PTSD_DIAGNOSIS = "PROVISIONAL_PTSD_DIAGNOSIS";

	private static final Range RANGE = new Range(0, 80);

	/** DSM-5 symptom clusters: first item, last item, items needed at 2 or more. */
	private static final int[][] CLUSTERS = { { 1, 5, 1 }, { 6, 7, 1 }, { 8, 14, 2 }, { 15, 20, 2 } };

	private static final int SYMPTOM_PRESENT_AT = 2;

	private final int cutoff;

	Pcl5(int probablePtsdCutoff) {
		super(Instrument.PCL5, "PTSD Checklist for DSM-5 (PCL-5)", true,
				"PCL-5 (Weathers, Litz, Keane, Palmieri, Marx and Schnurr, 2013), National Center for PTSD, "
						+ "US Department of Veterans Affairs. Public domain.",
				"In the past month, how much were you bothered by:", null, null,
				Items.sharing(Items.options(0, "Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"),
						"Repeated, disturbing, and unwanted memories of the stressful experience?",
						"Repeated, disturbing dreams of the stressful experience?",
						"Suddenly feeling or acting as if the stressful experience were actually happening again "
								+ "(as if you were actually back there reliving it)?",
						"Feeling very upset when something reminded you of the stressful experience?",
						"Having strong physical reactions when something reminded you of the stressful experience "
								+ "(for example, heart pounding, trouble breathing, sweating)?",
						"Avoiding memories, thoughts, or feelings related to the stressful experience?",
						"Avoiding external reminders of the stressful experience (for example, people, places, "
								+ "conversations, activities, objects, or situations)?",
						"Trouble remembering important parts of the stressful experience?",
						"Having strong negative beliefs about yourself, other people, or the world (for example, having "
								+ "thoughts such as: I am bad, there is something seriously wrong with me, no one can be "
								+ "trusted, the world is completely dangerous)?",
						"Blaming yourself or someone else for the stressful experience or what happened after it?",
						"Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
						"Loss of interest in activities that you used to enjoy?",
						"Feeling distant or cut off from other people?",
						"Trouble experiencing positive feelings (for example, being unable to feel happiness or have "
								+ "loving feelings for people close to you)?",
						"Irritable behavior, angry outbursts, or acting aggressively?",
						"Taking too many risks or doing things that could cause you harm?",
						"Being \"superalert\" or watchful or on guard?",
						"Feeling jumpy or easily startled?",
						"Having difficulty concentrating?",
						"Trouble falling or staying asleep?"),
				splitAt(probablePtsdCutoff, RANGE, "BELOW_CUTOFF", PROBABLE_PTSD));
		this.cutoff = probablePtsdCutoff;
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		List<Score.Flag> flags = new ArrayList<>();
		if (total != null && total >= cutoff) {
			flags.add(new Score.Flag(PROBABLE_PTSD,
					"PCL-5 total " + total + " is at or above the probable-PTSD cut-off of " + cutoff));
		}
		if (meetsAllClusters(values)) {
			flags.add(new Score.Flag(PROVISIONAL_PTSD_DIAGNOSIS,
					"PCL-5 items rated 2 or more meet the DSM-5 pattern (1 of items 1-5, 1 of 6-7, 2 of 8-14, 2 of 15-20): "
							+ "provisional PTSD diagnosis, confirm by clinical interview"));
		}
		return flags;
	}

	private static boolean meetsAllClusters(int[] values) {
		for (int[] cluster : CLUSTERS) {
			long present = IntStream.rangeClosed(cluster[0], cluster[1])
				.filter(item -> values[item - 1] >= SYMPTOM_PRESENT_AT)
				.count();
			if (present < cluster[2]) {
				return false;
			}
		}
		return true;
	}
}
