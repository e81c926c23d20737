package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.all;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.summingTo;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.with;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.assessment.Instrument;

class MadrsTest {

	final Scale madrs = scale(Instrument.MADRS);

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, NORMAL", "6, NORMAL", "7, MILD", "19, MILD", "20, MODERATE", "34, MODERATE", "35, SEVERE",
			"60, SEVERE" })
	void bandsAtEveryBoundary(int total, String severity) {
		Score score = madrs.score(summingTo(total, 10, 0, 6));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
	}

	@ParameterizedTest(name = "threshold {0}: item 10 at {1} flags {2}")
	@CsvSource({ "4, 3, false", "4, 4, true", "4, 6, true", "3, 2, false", "3, 3, true", "5, 4, false", "5, 5, true" })
	void suicidalThoughtsAtOrAboveTheClinicThresholdFlag(int threshold, int item10, boolean flagged) {
		Scale scale = Scales.of(Instrument.MADRS, new ScaleSettings(33, threshold, 3, 1, 9));
		Score score = scale.score(with(all(10, 0), 10, item10));
		assertThat(score.total()).isEqualTo(item10);
		assertThat(score.flagged("SUICIDE_RISK")).isEqualTo(flagged);
		assertThat(score.flags()).hasSize(flagged ? 1 : 0);
	}

	@Test
	void defaultThresholdIsFourAndTheMessageSaysSo() {
		assertThat(madrs.score(with(all(10, 0), 10, 3)).flags()).isEmpty();
		assertThat(madrs.score(with(all(10, 0), 10, 4)).flags()).singleElement()
			.satisfies(flag -> assertThat(flag.message()).contains("item 10").contains("rated 4"));
	}

	@Test
	void highOtherItemsDoNotFlag() {
		Score score = madrs.score(with(all(10, 6), 10, 0));
		assertThat(score.total()).isEqualTo(54);
		assertThat(score.flags()).isEmpty();
	}

	@Test
	void refusesWrongCountAndRange() {
		assertRejected(madrs, all(11, 0), problem("answers", "MADRS needs exactly 10 answers, got 11"));
		assertRejected(madrs, with(all(10, 0), 1, 7), problem("answers[0]", "must be 0 to 6"));
	}

	@Test
	void isClinicianRatedWithLabelsOnly() {
		assertThat(madrs.selfReport()).isFalse();
		assertThat(madrs.items()).extracting(Scale.Item::text)
			.containsExactly("Apparent sadness", "Reported sadness", "Inner tension", "Reduced sleep", "Reduced appetite",
					"Concentration difficulties", "Lassitude", "Inability to feel", "Pessimistic thoughts",
					"Suicidal thoughts");
		assertThat(madrs.items().get(9).options()).extracting(Scale.Option::value).containsExactly(0, 1, 2, 3, 4, 5, 6);
		assertThat(madrs.totalRange()).isEqualTo(new Scale.Range(0, 60));
		assertThat(madrs.panelLoinc()).isNull();
	}
}
