package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.answers;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.parse;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.assessment.Instrument;

class CssrsScreenerTest {

	final Scale cssrs = scale(Instrument.CSSRS_SCREENER);

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|', value = {
			"all no|0, 0, 0, 0, 0, 0, 0|NONE",
			"wish to be dead only|1, 0, 0, 0, 0, 0, 0|LOW",
			"non-specific thoughts only|0, 1, 0, 0, 0, 0, 0|LOW",
			"questions 1 and 2|1, 1, 0, 0, 0, 0, 0|LOW",
			"method without intent|1, 1, 1, 0, 0, 0, 0|MODERATE",
			"behaviour more than 3 months ago|0, 0, 0, 0, 0, 1, 0|MODERATE",
			"wish to be dead and old behaviour|1, 0, 0, 0, 0, 1, 0|MODERATE",
			"some intent|0, 1, 0, 1, 0, 0, 0|HIGH",
			"plan and intent|0, 1, 0, 0, 1, 0, 0|HIGH",
			"behaviour within 3 months|0, 0, 0, 0, 0, 1, 1|HIGH",
			"method without intent and recent behaviour|1, 1, 1, 0, 0, 1, 1|HIGH",
			"everything yes|1, 1, 1, 1, 1, 1, 1|HIGH" })
	void riskLevels(String description, String answers, String risk) {
		Score score = cssrs.score(parse(answers));
		assertThat(score.total()).isNull();
		assertThat(score.severity()).isEqualTo(risk);
	}

	@ParameterizedTest(name = "{1} flags: {2}")
	@CsvSource(delimiter = '|', value = { "0, 0, 0, 0, 0, 0, 0|NONE|false", "1, 1, 0, 0, 0, 0, 0|LOW|false",
			"0, 1, 1, 0, 0, 0, 0|MODERATE|true", "0, 0, 0, 0, 0, 1, 0|MODERATE|true", "0, 1, 0, 0, 1, 0, 0|HIGH|true",
			"0, 0, 0, 0, 0, 1, 1|HIGH|true" })
	void suicideRiskFlagAtModerateOrHighNamingTheLevel(String answers, String risk, boolean flagged) {
		Score score = cssrs.score(parse(answers));
		assertThat(score.severity()).isEqualTo(risk);
		if (flagged) {
			assertThat(score.flags()).singleElement().satisfies(flag -> {
				assertThat(flag.code()).isEqualTo("SUICIDE_RISK");
				assertThat(flag.message()).contains(risk);
			});
		}
		else {
			assertThat(score.flags()).isEmpty();
		}
	}

	@Test
	void questionsThreeToFiveAreSkippedWhenQuestionTwoIsNo() {
		String skipped = "must be 0: question 2 is no, so questions 3 to 5 are skipped";
		assertRejected(cssrs, answers(1, 0, 1, 0, 0, 0, 0), problem("answers[2]", skipped));
		assertRejected(cssrs, answers(0, 0, 0, 1, 1, 0, 0), problem("answers[3]", skipped), problem("answers[4]", skipped));
		assertRejected(cssrs, answers(0, 0, 1, 1, 1, 1, 1), problem("answers[2]", skipped), problem("answers[3]", skipped),
				problem("answers[4]", skipped));
	}

	@Test
	void recentBehaviourNeedsBehaviour() {
		assertRejected(cssrs, answers(1, 1, 0, 0, 0, 0, 1),
				problem("answers[6]", "must be 0: question 6 is no, so question 7 is skipped"));
	}

	@Test
	void reportsEverySkipProblemAtOnce() {
		assertRejected(cssrs, answers(0, 0, 1, 0, 0, 0, 1),
				problem("answers[2]", "must be 0: question 2 is no, so questions 3 to 5 are skipped"),
				problem("answers[6]", "must be 0: question 6 is no, so question 7 is skipped"));
	}

	@Test
	void refusesWrongCountAndAnythingButZeroOrOne() {
		assertRejected(cssrs, answers(0, 0, 0, 0, 0, 0), problem("answers", "CSSRS_SCREENER needs exactly 7 answers, got 6"));
		assertRejected(cssrs, answers(0, 0, 0, 0, 0, 0, 0, 0),
				problem("answers", "CSSRS_SCREENER needs exactly 7 answers, got 8"));
		assertRejected(cssrs, answers(2, 0, 0, 0, 0, 0, 0), problem("answers[0]", "must be 0 or 1"));
	}

	@Test
	void describesTheScreenerWithLabelsOnlyAndNoTotal() {
		assertThat(cssrs.selfReport()).isTrue();
		assertThat(cssrs.totalRange()).isNull();
		assertThat(cssrs.bands()).isEmpty();
		assertThat(cssrs.panelLoinc()).isNull();
		assertThat(cssrs.totalLoinc()).isNull();
		assertThat(cssrs.attribution()).isEqualTo(
				"Columbia-Suicide Severity Rating Scale (C-SSRS), The Research Foundation for Mental Hygiene; free for clinical use");
		assertThat(cssrs.items()).extracting(Scale.Item::text)
			.containsExactly("Wish to be dead", "Non-specific active suicidal thoughts",
					"Active suicidal ideation with any methods (not plan) without intent to act",
					"Active suicidal ideation with some intent to act without specific plan",
					"Active suicidal ideation with specific plan and intent", "Suicidal behaviour (lifetime)",
					"Suicidal behaviour within the past 3 months");
		assertThat(cssrs.items().get(0).options()).containsExactly(new Scale.Option(0, "No"), new Scale.Option(1, "Yes"));
	}
}
