package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * One rating scale: what it asks, which answers it accepts, and how it scores them. Scoring is
 * exact and refuses rather than guesses: {@link #score} throws
 * {@link org.ketamineclinic.platform.InvalidInput} naming {@code answers} or {@code answers[i]}
 * for a wrong item count, an out-of-range answer or an answer to a skipped item.
 */
public interface Scale {

	Instrument instrument();

	String title();

	/** Patients may complete it themselves in the portal (PHQ-9, GAD-7, PCL-5, QIDS-SR16, C-SSRS screener). */
	boolean selfReport();

	/** Whose wording it is and on what terms; shown with the form. */
	String attribution();

	/** The stem shown above the items, such as the PHQ-9 question about the last 2 weeks. */
	String instructions();

	List<Item> items();

	/** LOINC code of the panel, or null where none is confirmed. */
	@Nullable String panelLoinc();

	/** LOINC code of the total score, or null where none is confirmed. */
	@Nullable String totalLoinc();

	/** Lowest and highest possible total, for trend charts; null for scales without a total. */
	@Nullable Range totalRange();

	/** Severity bands in ascending order, for shading trend charts; empty when the scale has none. */
	List<Band> bands();

	Score score(List<Integer> answers);

	/**
	 * One question. {@code text} is the full wording where the licence allows (PHQ-9, GAD-7,
	 * PCL-5), otherwise a short label.
	 */
	record Item(int number, String text, @Nullable String loinc, List<Option> options) {
	}

	record Option(int value, String label) {
	}

	record Range(int min, int max) {
	}

	/** A severity band: totals from {@code min} to {@code max} inclusive are {@code severity}. */
	record Band(int min, int max, String severity) {
	}
}
