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
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.assessment.Instrument;

class Pcl5Test {

	final Scale pcl5 = scale(Instrument.PCL5);

	/** Twenty answers: 2 at the given items (numbered from 1), 0 elsewhere. */
	static List<Integer> twoAt(int... items) {
		List<Integer> answers = all(20, 0);
		for (int item : items) {
			answers = with(answers, item, 2);
		}
		return answers;
	}

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, BELOW_CUTOFF, false", "32, BELOW_CUTOFF, false", "33, PROBABLE_PTSD, true",
			"80, PROBABLE_PTSD, true" })
	void probablePtsdFromTheDefaultCutoffOf33(int total, String severity, boolean flagged) {
		Score score = pcl5.score(summingTo(total, 20, 0, 4));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
		assertThat(score.flagged("PROBABLE_PTSD")).isEqualTo(flagged);
	}

	@ParameterizedTest(name = "cut-off {0}: total {1} is {2}")
	@CsvSource({ "31, 30, BELOW_CUTOFF, false", "31, 31, PROBABLE_PTSD, true", "40, 39, BELOW_CUTOFF, false",
			"40, 40, PROBABLE_PTSD, true" })
	void probablePtsdFollowsTheClinicCutoff(int cutoff, int total, String severity, boolean flagged) {
		Scale scale = Scales.of(Instrument.PCL5, new ScaleSettings(cutoff, 4, 3, 1, 9));
		Score score = scale.score(summingTo(total, 20, 0, 4));
		assertThat(score.severity()).isEqualTo(severity);
		assertThat(score.flagged("PROBABLE_PTSD")).isEqualTo(flagged);
		assertThat(scale.bands()).containsExactly(new Scale.Band(0, cutoff - 1, "BELOW_CUTOFF"),
				new Scale.Band(cutoff, 80, "PROBABLE_PTSD"));
	}

	@Test
	void provisionalDiagnosisWhenEveryClusterIsMetEvenBelowTheCutoff() {
		Score score = pcl5.score(twoAt(1, 6, 8, 9, 15, 16));
		assertThat(score.total()).isEqualTo(12);
		assertThat(score.flagged("PROBABLE_PTSD")).isFalse();
		assertThat(score.flags()).extracting(Score.Flag::code).containsExactly("PROVISIONAL_PTSD_DIAGNOSIS");
	}

	@Test
	void provisionalDiagnosisCountsTheLastItemOfEachCluster() {
		assertThat(pcl5.score(twoAt(5, 7, 13, 14, 19, 20)).flagged("PROVISIONAL_PTSD_DIAGNOSIS")).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "no intrusion item (1-5)|6, 8, 9, 15, 16",
			"no avoidance item (6-7)|1, 8, 9, 15, 16", "one negative-mood item (8-14)|1, 6, 8, 15, 16",
			"one arousal item (15-20)|1, 6, 8, 9, 15" })
	void noProvisionalDiagnosisWhenAClusterIsShort(String missing, String itemsAtTwo) {
		int[] items = parse(itemsAtTwo).stream().mapToInt(Integer::intValue).toArray();
		assertThat(pcl5.score(twoAt(items)).flagged("PROVISIONAL_PTSD_DIAGNOSIS")).isFalse();
	}

	@Test
	void itemsAtOneDoNotCountTowardsADiagnosis() {
		Score score = pcl5.score(all(20, 1));
		assertThat(score.total()).isEqualTo(20);
		assertThat(score.flags()).isEmpty();
	}

	@Test
	void aHighTotalWithoutAvoidanceIsProbableButNotProvisional() {
		List<Integer> answers = with(with(all(20, 4), 6, 1), 7, 1);
		Score score = pcl5.score(answers);
		assertThat(score.total()).isEqualTo(74);
		assertThat(score.flags()).extracting(Score.Flag::code).containsExactly("PROBABLE_PTSD");
	}

	@Test
	void bothFlagsTogether() {
		assertThat(pcl5.score(all(20, 2)).flags()).extracting(Score.Flag::code)
			.containsExactly("PROBABLE_PTSD", "PROVISIONAL_PTSD_DIAGNOSIS");
	}

	@Test
	void refusesWrongCountAndRange() {
		assertRejected(pcl5, all(19, 0), problem("answers", "PCL5 needs exactly 20 answers, got 19"));
		assertRejected(pcl5, with(all(20, 0), 20, 5), problem("answers[19]", "must be 0 to 4"));
	}

	@Test
	void describesTheFullPublicDomainForm() {
		assertThat(pcl5.selfReport()).isTrue();
		assertThat(pcl5.instructions()).isEqualTo("In the past month, how much were you bothered by:");
		assertThat(pcl5.attribution()).contains("National Center for PTSD", "Veterans Affairs");
		assertThat(pcl5.panelLoinc()).isNull();
		assertThat(pcl5.totalLoinc()).isNull();
		assertThat(pcl5.items()).hasSize(20).allSatisfy(item -> assertThat(item.loinc()).isNull());
		assertThat(pcl5.items()).extracting(Scale.Item::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
		assertThat(pcl5.items().get(0).text()).isEqualTo("Repeated, disturbing, and unwanted memories of the stressful experience?");
		assertThat(pcl5.items().get(19).text()).isEqualTo("Trouble falling or staying asleep?");
		assertThat(pcl5.items().get(0).options()).extracting(Scale.Option::label)
			.containsExactly("Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely");
		assertThat(pcl5.totalRange()).isEqualTo(new Scale.Range(0, 80));
	}
}
