package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.withNulls;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketamineclinic.assessment.Instrument;

/** What holds for every instrument: the registry, item numbering, band coverage and answer checks. */
class ScalesTest {

	@Test
	void everyInstrumentHasItsScale() {
		assertThat(Scales.all(ScaleSettings.DEFAULTS)).extracting(Scale::instrument).containsExactly(Instrument.values());
	}

	@ParameterizedTest
	@CsvSource({ "PHQ9, 9, true", "GAD7, 7, true", "PCL5, 20, true", "QIDS_SR16, 16, true", "MADRS, 10, false",
			"CSSRS_SCREENER, 7, true", "CADSS, 23, false", "MOAAS, 1, false", "ALDRETE, 5, false",
			"BPRS_POSITIVE, 4, false" })
	void itemCountAndWhoCompletesIt(Instrument instrument, int items, boolean selfReport) {
		Scale scale = scale(instrument);
		assertThat(scale.items()).hasSize(items);
		assertThat(scale.selfReport()).isEqualTo(selfReport);
		assertThat(scale.title()).isNotBlank();
		assertThat(scale.attribution()).isNotBlank();
		assertThat(scale.instructions()).isNotBlank();
	}

	@ParameterizedTest
	@EnumSource(Instrument.class)
	void itemsAreNumberedFromOneWithAscendingOptions(Instrument instrument) {
		List<Scale.Item> items = scale(instrument).items();
		assertThat(items).extracting(Scale.Item::number)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, items.size()).boxed().toList());
		assertThat(items).allSatisfy(item -> {
			assertThat(item.text()).isNotBlank();
			List<Integer> values = item.options().stream().map(Scale.Option::value).toList();
			assertThat(values).isNotEmpty().isSorted().doesNotHaveDuplicates();
			assertThat(values.get(values.size() - 1) - values.get(0)).isEqualTo(values.size() - 1);
		});
	}

	@ParameterizedTest
	@EnumSource(value = Instrument.class, names = { "CSSRS_SCREENER", "CADSS", "BPRS_POSITIVE" }, mode = EnumSource.Mode.EXCLUDE)
	void bandsCoverTheTotalRangeWithoutGapsOrOverlaps(Instrument instrument) {
		Scale scale = scale(instrument);
		Scale.Range range = scale.totalRange();
		assertThat(range).isNotNull();
		List<Scale.Band> bands = scale.bands();
		assertThat(bands).isNotEmpty();
		assertThat(bands.get(0).min()).isEqualTo(range.min());
		assertThat(bands.get(bands.size() - 1).max()).isEqualTo(range.max());
		for (int i = 1; i < bands.size(); i++) {
			assertThat(bands.get(i).min()).as("band %d starts after band %d", i, i - 1).isEqualTo(bands.get(i - 1).max() + 1);
		}
		assertThat(bands).allSatisfy(band -> assertThat(band.min()).isLessThanOrEqualTo(band.max()));
	}

	@ParameterizedTest
	@EnumSource(Instrument.class)
	void lowestAnswersScoreTheBottomOfTheRange(Instrument instrument) {
		Scale scale = scale(instrument);
		List<Integer> lowest = scale.items().stream().map(item -> item.options().get(0).value()).toList();
		Score score = scale.score(lowest);
		Scale.Range range = scale.totalRange();
		assertThat(score.total()).isEqualTo(range == null ? null : range.min());
	}

	@ParameterizedTest
	@EnumSource(Instrument.class)
	void aNullAnswerIsRequired(Instrument instrument) {
		Scale scale = scale(instrument);
		List<Integer> answers = new ArrayList<>(scale.items().stream().map(item -> item.options().get(0).value()).toList());
		answers.set(0, null);
		assertRejected(scale, answers, problem("answers[0]", "is required"));
	}

	@Test
	void reportsEveryMissingAndOutOfRangeAnswerAtOnce() {
		assertRejected(scale(Instrument.PHQ9), withNulls(0, null, 0, 0, 4, 0, 0, -1, null),
				problem("answers[1]", "is required"), problem("answers[4]", "must be 0 to 3"),
				problem("answers[7]", "must be 0 to 3"), problem("answers[8]", "is required"));
	}

	@Test
	void skipRulesWaitUntilEveryAnswerIsInRange() {
		// question 3 answered while question 2 is no, but question 1 is out of range: only the range is reported
		assertRejected(scale(Instrument.CSSRS_SCREENER), withNulls(2, 0, 1, 0, 0, 0, 0), problem("answers[0]", "must be 0 or 1"));
	}
}
