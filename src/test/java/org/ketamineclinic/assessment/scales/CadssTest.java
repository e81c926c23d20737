package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.all;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.answers;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.summingTo;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.with;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.platform.InvalidInput;

class CadssTest {

	final Scale cadss = scale(Instrument.CADSS);

	@ParameterizedTest(name = "total {0}")
	@ValueSource(ints = { 0, 1, 46, 91, 92 })
	void totalIsTheSumWithoutBands(int total) {
		Score score = cadss.score(summingTo(total, 23, 0, 4));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isNull();
		assertThat(score.flags()).isEmpty();
	}

	@ParameterizedTest(name = "item {0}")
	@ValueSource(ints = { 1, 2, 6, 7, 15, 22 })
	void cadss6CountsItsSixItems(int item) {
		assertThat(Cadss.cadss6(with(all(23, 0), item, 3))).isEqualTo(3);
	}

	@ParameterizedTest(name = "item {0}")
	@ValueSource(ints = { 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 23 })
	void cadss6LeavesOutTheOtherItems(int item) {
		assertThat(Cadss.cadss6(with(all(23, 0), item, 4))).isZero();
	}

	@Test
	void cadss6OfAMixedSet() {
		// items 1..23 valued 1, 2, 3, 4, 0, 1, 2, ... (number mod 5); short-form items 1, 2, 6, 7, 15, 22
		int[] values = IntStream.rangeClosed(1, 23).map(number -> number % 5).toArray();
		assertThat(Cadss.cadss6(answers(values))).isEqualTo(1 + 2 + 1 + 2 + 0 + 2);
		assertThat(Cadss.cadss6(all(23, 4))).isEqualTo(24);
		assertThat(Cadss.CADSS6_ITEMS).containsExactly(1, 2, 6, 7, 15, 22);
	}

	@Test
	void cadss6ChecksTheAnswersLikeScoring() {
		assertThatThrownBy(() -> Cadss.cadss6(all(6, 0))).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.problems()).containsExactly(problem("answers", "CADSS needs exactly 23 answers, got 6")));
		assertThatThrownBy(() -> Cadss.cadss6(with(all(23, 0), 2, 5))).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.problems()).containsExactly(problem("answers[1]", "must be 0 to 4")));
	}

	@Test
	void refusesWrongCountAndRange() {
		assertRejected(cadss, all(22, 0), problem("answers", "CADSS needs exactly 23 answers, got 22"));
		assertRejected(cadss, with(all(23, 0), 23, 5), problem("answers[22]", "must be 0 to 4"));
	}

	@Test
	void isClinicianRatedWithNumberedItemsAndNoBands() {
		assertThat(cadss.selfReport()).isFalse();
		assertThat(cadss.bands()).isEmpty();
		assertThat(cadss.totalRange()).isEqualTo(new Scale.Range(0, 92));
		assertThat(cadss.items()).hasSize(23);
		assertThat(cadss.items().get(0).text()).isEqualTo("Item 1");
		assertThat(cadss.items().get(22).text()).isEqualTo("Item 23");
		assertThat(cadss.items().get(0).options()).extracting(Scale.Option::value).containsExactly(0, 1, 2, 3, 4);
	}
}
