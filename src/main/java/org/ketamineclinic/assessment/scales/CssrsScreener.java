package org.ketamineclinic.assessment.scales;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.platform.FieldProblem;

/**
 * C-SSRS screener: seven answers of 0 (no) or 1 (yes), questions 1 to 6 and then "was the
 * behaviour of question 6 within the past 3 months". When question 2 is no, questions 3-5 are
 * skipped and must be 0; question 7 must be 0 when question 6 is no. There is no total; the
 * severity is the risk level NONE, LOW, MODERATE or HIGH, and MODERATE or HIGH flags suicide risk.
 */
final class CssrsScreener extends AbstractScale {

	/** Indexes into the answers: question n is at n - 1. */
	private static final int Q1 = 0;

	private static final int Q2 = 1;

	private static final int Q3 = 2;

	private static final int Q4 = 3;

	private static final int Q5 = 4;

	private static final int Q6 = 5;

	private static final int Q6_RECENT = 6;

	CssrsScreener() {
		super(Instrument.CSSRS_SCREENER, "Columbia-Suicide Severity Rating Scale, screener (C-SSRS)", true,
				"Columbia-Suicide Severity Rating Scale (C-SSRS), The Research Foundation for Mental Hygiene; free for clinical use",
				"Questions 1 to 5 ask about the past month, question 6 about your lifetime. If question 2 is no, skip "
						+ "questions 3 to 5. Answer question 7 only if question 6 is yes.",
				null, null,
				Items.sharing(Items.options(0, "No", "Yes"), "Wish to be dead", "Non-specific active suicidal thoughts",
						"Active suicidal ideation with any methods (not plan) without intent to act",
						"Active suicidal ideation with some intent to act without specific plan",
						"Active suicidal ideation with specific plan and intent", "Suicidal behaviour (lifetime)",
						"Suicidal behaviour within the past 3 months"),
				List.of());
	}

	@Override
	public @Nullable Range totalRange() {
		return null;
	}

	@Override
	List<FieldProblem> ruleProblems(int[] values) {
		List<FieldProblem> problems = new ArrayList<>();
		if (values[Q2] == 0) {
			for (int question = Q3; question <= Q5; question++) {
				if (values[question] != 0) {
					problems.add(new FieldProblem(field(question),
							"must be 0: question 2 is no, so questions 3 to 5 are skipped"));
				}
			}
		}
		if (values[Q6] == 0 && values[Q6_RECENT] != 0) {
			problems.add(new FieldProblem(field(Q6_RECENT), "must be 0: question 6 is no, so question 7 is skipped"));
		}
		return problems;
	}

	@Override
	@Nullable Integer total(int[] values) {
		return null;
	}

	@Override
	String severity(int[] values, @Nullable Integer total) {
		return riskLevel(values).name();
	}

	@Override
	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		Risk risk = riskLevel(values);
		if (risk.compareTo(Risk.MODERATE) < 0) {
			return List.of();
		}
		return List.of(new Score.Flag(SUICIDE_RISK, "C-SSRS screener: " + risk + " suicide risk"));
	}

	private static Risk riskLevel(int[] values) {
		if (yes(values, Q4) || yes(values, Q5) || (yes(values, Q6) && yes(values, Q6_RECENT))) {
			return Risk.HIGH;
		}
		if (yes(values, Q3) || yes(values, Q6)) {
			return Risk.MODERATE;
		}
		if (yes(values, Q1) || yes(values, Q2)) {
			return Risk.LOW;
		}
		return Risk.NONE;
	}

	private static boolean yes(int[] values, int question) {
		return values[question] == 1;
	}

	/** Risk levels in ascending order. */
	private enum Risk {
		NONE, LOW, MODERATE, HIGH
	}
}
