package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.all;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.parse;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.summingTo;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.with;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.assessment.Instrument;

class QidsSr16Test {

	/** The first item (from 1) of each of the nine domains. */
	static final int[] DOMAIN_FIRST_ITEMS = { 1, 5, 6, 10, 11, 12, 13, 14, 15 };

	final Scale qids = scale(Instrument.QIDS_SR16);

	/** Sixteen answers whose nine domains add up to {@code total}, each domain's value on its first item. */
	static List<Integer> domainsSummingTo(int total) {
		List<Integer> domains = summingTo(total, 9, 0, 3);
		List<Integer> answers = all(16, 0);
		for (int domain = 0; domain < 9; domain++) {
			answers = with(answers, DOMAIN_FIRST_ITEMS[domain], domains.get(domain));
		}
		return answers;
	}

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, NONE", "5, NONE", "6, MILD", "10, MILD", "11, MODERATE", "15, MODERATE", "16, SEVERE", "20, SEVERE",
			"21, VERY_SEVERE", "27, VERY_SEVERE" })
	void bandsAtEveryBoundary(int total, String severity) {
		Score score = qids.score(domainsSummingTo(total));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"sleep items 1-4 count their highest|3, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0|3",
			"sleep maximum may be the last sleep item|1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0|2",
			"appetite and weight items 6-9 count their highest|0, 0, 0, 0, 0, 1, 0, 2, 3, 0, 0, 0, 0, 0, 0, 0|3",
			"psychomotor items 15-16 count the higher|0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1|2",
			"psychomotor maximum from item 16|0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3|3",
			"single items 5 and 10-14 each count|0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 3, 0, 1, 2, 0, 0|9",
			"every domain together|2, 3, 1, 0, 2, 0, 3, 1, 1, 1, 1, 0, 2, 2, 0, 1|15",
			"all items at 3 score 27, not 48|3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3|27" })
	void totalAddsTheNineDomains(String description, String items, int total) {
		assertThat(qids.score(parse(items)).total()).isEqualTo(total);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void item12AboveZeroFlagsSuicideRisk(int item12) {
		Score score = qids.score(with(all(16, 0), 12, item12));
		assertThat(score.total()).isEqualTo(item12);
		assertThat(score.flags()).singleElement().satisfies(flag -> {
			assertThat(flag.code()).isEqualTo("SUICIDE_RISK");
			assertThat(flag.message()).contains("item 12");
		});
	}

	@Test
	void item12AtZeroDoesNotFlagEvenWhenEverythingElseIsHigh() {
		Score score = qids.score(with(all(16, 3), 12, 0));
		assertThat(score.total()).isEqualTo(24);
		assertThat(score.flags()).isEmpty();
	}

	@Test
	void refusesWrongCountAndRange() {
		assertRejected(qids, all(9, 0), problem("answers", "QIDS_SR16 needs exactly 16 answers, got 9"));
		assertRejected(qids, with(all(16, 0), 16, 4), problem("answers[15]", "must be 0 to 3"));
	}

	@Test
	void describesTheFormWithLabelsOnly() {
		assertThat(qids.selfReport()).isTrue();
		assertThat(qids.totalRange()).isEqualTo(new Scale.Range(0, 27));
		assertThat(qids.panelLoinc()).isNull();
		assertThat(qids.totalLoinc()).isNull();
		assertThat(qids.items()).extracting(Scale.Item::text)
			.containsExactly("Falling asleep", "Sleep during the night", "Waking up too early", "Sleeping too much",
					"Feeling sad", "Decreased appetite", "Increased appetite", "Decreased weight", "Increased weight",
					"Concentration/decision making", "View of myself", "Thoughts of death or suicide", "General interest",
					"Energy level", "Feeling slowed down", "Feeling restless");
		assertThat(qids.items().get(0).options()).containsExactly(new Scale.Option(0, "0"), new Scale.Option(1, "1"),
				new Scale.Option(2, "2"), new Scale.Option(3, "3"));
	}
}
