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
import org.ketamineclinic.assessment.Instrument;

class ModifiedAldreteTest {

	final Scale aldrete = scale(Instrument.ALDRETE);

	static Scale dischargeAtOrAbove(int level) {
		return Scales.of(Instrument.ALDRETE, new ScaleSettings(33, 4, 3, 1, level));
	}

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, DISCHARGE_CRITERION_NOT_MET", "8, DISCHARGE_CRITERION_NOT_MET", "9, DISCHARGE_CRITERION_MET",
			"10, DISCHARGE_CRITERION_MET" })
	void dischargeFromNineByDefault(int total, String severity) {
		Score score = aldrete.score(summingTo(total, 5, 0, 2));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.severity()).isEqualTo(severity);
		assertThat(score.flags()).isEmpty();
	}

	@ParameterizedTest(name = "discharge at or above {0}: total {1} is {2}")
	@CsvSource({ "10, 9, DISCHARGE_CRITERION_NOT_MET", "10, 10, DISCHARGE_CRITERION_MET", "8, 7, DISCHARGE_CRITERION_NOT_MET",
			"8, 8, DISCHARGE_CRITERION_MET" })
	void dischargeFollowsTheClinicLevel(int level, int total, String severity) {
		Scale scale = dischargeAtOrAbove(level);
		assertThat(scale.score(summingTo(total, 5, 0, 2)).severity()).isEqualTo(severity);
		assertThat(scale.bands()).containsExactly(new Scale.Band(0, level - 1, "DISCHARGE_CRITERION_NOT_MET"),
				new Scale.Band(level, 10, "DISCHARGE_CRITERION_MET"));
		assertThat(scale.instructions()).contains(level + " or more");
	}

	@Test
	void aLevelOutsideTheRangeLeavesOnlyTheBandThatCanOccur() {
		assertThat(dischargeAtOrAbove(0).bands()).containsExactly(new Scale.Band(0, 10, "DISCHARGE_CRITERION_MET"));
		assertThat(dischargeAtOrAbove(11).bands()).containsExactly(new Scale.Band(0, 10, "DISCHARGE_CRITERION_NOT_MET"));
		assertThat(dischargeAtOrAbove(11).score(all(5, 2)).severity()).isEqualTo("DISCHARGE_CRITERION_NOT_MET");
	}

	@Test
	void eachDomainCountsOnce() {
		assertThat(aldrete.score(answers(2, 1, 0, 2, 1)).total()).isEqualTo(6);
	}

	@Test
	void refusesWrongCountAndRange() {
		assertRejected(aldrete, all(4, 2), problem("answers", "ALDRETE needs exactly 5 answers, got 4"));
		assertRejected(aldrete, with(all(5, 2), 5, 3), problem("answers[4]", "must be 0 to 2"));
	}

	@Test
	void describesTheFiveDomainsWithTheReferenceCriteria() {
		assertThat(aldrete.selfReport()).isFalse();
		assertThat(aldrete.totalRange()).isEqualTo(new Scale.Range(0, 10));
		assertThat(aldrete.items()).extracting(Scale.Item::text)
			.containsExactly("Activity", "Respiration", "Circulation", "Consciousness", "Oxygen saturation (SpO2)");
		assertThat(aldrete.items().get(2).options()).containsExactly(
				new Scale.Option(0, "Blood pressure more than 50 mmHg from baseline"),
				new Scale.Option(1, "Blood pressure 20 to 50 mmHg from baseline"),
				new Scale.Option(2, "Blood pressure within 20 mmHg of baseline"));
		assertThat(aldrete.items().get(4).options()).containsExactly(
				new Scale.Option(0, "SpO2 under 90% even with oxygen"),
				new Scale.Option(1, "Needs oxygen to keep SpO2 over 90%"), new Scale.Option(2, "SpO2 over 92% on room air"));
	}
}
