package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.all;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.answers;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.summingTo;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.with;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.assessment.Instrument;

class Phq9Test {

	final Scale phq9 = scale(Instrument.PHQ9);

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE",
			"15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE", "20, SEVERE", "27, SEVERE" })
	void bandsAtEveryBoundary(int total, String severity) {
		Score score = phq9.score(summingTo(total, 9, 0, 3));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
	}

	@Test
	void totalIsTheSumOfTheNineItems() {
		assertThat(phq9.score(answers(1, 2, 3, 0, 1, 2, 3, 0, 0)).total()).isEqualTo(12);
	}

	@Test
	void item9OfOneFlagsSuicideRiskEvenWithATotalOfOne() {
		Score score = phq9.score(with(all(9, 0), 9, 1));
		assertThat(score.total()).isEqualTo(1);
		assertThat(score.severity()).isEqualTo("MINIMAL");
		assertThat(score.flags()).singleElement().satisfies(flag -> {
			assertThat(flag.code()).isEqualTo("SUICIDE_RISK");
			assertThat(flag.message()).contains("item 9").contains("answered 1");
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void anyPositiveItem9Flags(int item9) {
		assertThat(phq9.score(with(all(9, 0), 9, item9)).flagged("SUICIDE_RISK")).isTrue();
	}

	@Test
	void item9OfZeroDoesNotFlagWhateverTheTotal() {
		Score score = phq9.score(with(all(9, 3), 9, 0));
		assertThat(score.total()).isEqualTo(24);
		assertThat(score.severity()).isEqualTo("SEVERE");
		assertThat(score.flags()).isEmpty();
	}

	@ParameterizedTest(name = "{0} answers")
	@ValueSource(ints = { 0, 8, 10 })
	void refusesAnyCountButNine(int count) {
		assertRejected(phq9, all(count, 0), problem("answers", "PHQ9 needs exactly 9 answers, got " + count));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 4 })
	void refusesAnswersOutsideZeroToThree(int value) {
		assertRejected(phq9, with(all(9, 0), 5, value), problem("answers[4]", "must be 0 to 3"));
	}

	@Test
	void describesTheFormWithItsLoincCodesAndAttribution() {
		assertThat(phq9.title()).contains("PHQ-9");
		assertThat(phq9.selfReport()).isTrue();
		assertThat(phq9.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
		assertThat(phq9.attribution()).isEqualTo("PHQ-9 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
				+ "and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
				+ "display or distribute.");
		assertThat(phq9.panelLoinc()).isEqualTo("44249-1");
		assertThat(phq9.totalLoinc()).isEqualTo("44261-6");
		assertThat(phq9.items()).extracting(Scale.Item::loinc)
			.containsExactly("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
					"44260-8");
		assertThat(phq9.items()).extracting(Scale.Item::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(phq9.items().get(0).text()).isEqualTo("Little interest or pleasure in doing things");
		assertThat(phq9.items().get(8).text())
			.isEqualTo("Thoughts that you would be better off dead or of hurting yourself in some way");
		assertThat(phq9.items().get(0).options()).containsExactly(new Scale.Option(0, "Not at all"),
				new Scale.Option(1, "Several days"), new Scale.Option(2, "More than half the days"),
				new Scale.Option(3, "Nearly every day"));
		assertThat(phq9.totalRange()).isEqualTo(new Scale.Range(0, 27));
	}
}
