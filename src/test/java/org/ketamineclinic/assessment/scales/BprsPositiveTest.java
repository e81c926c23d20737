package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.all;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.parse;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.with;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.assessment.Instrument;

class BprsPositiveTest {

	final Scale bprs = scale(Instrument.BPRS_POSITIVE);

	@ParameterizedTest(name = "{0} totals {1}")
	@CsvSource(delimiter = '|', value = { "1, 1, 1, 1|4", "7, 7, 7, 7|28", "1, 2, 3, 7|13", "4, 5, 6, 2|17" })
	void totalIsTheSumWithoutBands(String items, int total) {
		Score score = bprs.score(parse(items));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isNull();
		assertThat(score.flags()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 8 })
	void refusesRatingsOutsideOneToSeven(int value) {
		assertRejected(bprs, with(all(4, 1), 3, value), problem("answers[2]", "must be 1 to 7"));
	}

	@Test
	void refusesAnyCountButFour() {
		assertRejected(bprs, all(3, 1), problem("answers", "BPRS_POSITIVE needs exactly 4 answers, got 3"));
	}

	@Test
	void describesFourClinicianRatedItems() {
		assertThat(bprs.selfReport()).isFalse();
		assertThat(bprs.bands()).isEmpty();
		assertThat(bprs.totalRange()).isEqualTo(new Scale.Range(4, 28));
		assertThat(bprs.items()).extracting(Scale.Item::text)
			.containsExactly("Conceptual disorganisation", "Hallucinatory behaviour", "Unusual thought content", "Suspiciousness");
		assertThat(bprs.items().get(0).options()).extracting(Scale.Option::value).containsExactly(1, 2, 3, 4, 5, 6, 7);
	}
}
