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

class Gad7Test {

	final Scale gad7 = scale(Instrument.GAD7);

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE", "15, SEVERE",
			"21, SEVERE" })
	void bandsAtEveryBoundary(int total, String severity) {
		Score score = gad7.score(summingTo(total, 7, 0, 3));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
	}

	@Test
	void totalIsTheSumAndRaisesNoFlags() {
		Score score = gad7.score(answers(3, 0, 1, 2, 3, 1, 3));
		assertThat(score.total()).isEqualTo(13);
		assertThat(score.flags()).isEmpty();
		assertThat(gad7.score(all(7, 3)).flags()).isEmpty();
	}

	@ParameterizedTest(name = "{0} answers")
	@ValueSource(ints = { 6, 8, 9 })
	void refusesAnyCountButSeven(int count) {
		assertRejected(gad7, all(count, 1), problem("answers", "GAD7 needs exactly 7 answers, got " + count));
	}

	@Test
	void refusesAnswersOutsideZeroToThree() {
		assertRejected(gad7, with(all(7, 0), 7, 4), problem("answers[6]", "must be 0 to 3"));
	}

	@Test
	void describesTheFormWithItsLoincCodesAndAttribution() {
		assertThat(gad7.selfReport()).isTrue();
		assertThat(gad7.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
		assertThat(gad7.attribution()).contains("Spitzer", "Williams", "Kroenke", "L\u00f6we", "Pfizer");
		assertThat(gad7.panelLoinc()).isEqualTo("69737-5");
		assertThat(gad7.totalLoinc()).isEqualTo("70274-6");
		assertThat(gad7.items()).extracting(Scale.Item::loinc)
			.containsExactly("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7");
		assertThat(gad7.items().get(1).text()).isEqualTo("Not being able to stop or control worrying");
		assertThat(gad7.items().get(6).options()).extracting(Scale.Option::label)
			.containsExactly("Not at all", "Several days", "More than half the days", "Nearly every day");
		assertThat(gad7.totalRange()).isEqualTo(new Scale.Range(0, 21));
	}
}
