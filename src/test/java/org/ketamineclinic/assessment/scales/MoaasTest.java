package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.answers;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.assertRejected;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.problem;
import static org.ketamineclinic.assessment.scales.ScaleFixtures.scale;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.assessment.Instrument;

class MoaasTest {

	final Scale moaas = scale(Instrument.MOAAS);

	static List<String> codes(String flags) {
		return flags.isBlank() ? List.of() : List.of(flags.split(" "));
	}

	@ParameterizedTest(name = "{0} is {1}, flags [{2}]")
	@CsvSource({ "5, ALERT, ''", "4, LETHARGIC, ''", "3, RESPONDS_TO_LOUD_VOICE, INCREASED_OBSERVATION",
			"2, RESPONDS_TO_PRODDING, INCREASED_OBSERVATION",
			"1, RESPONDS_TO_TRAPEZIUS_SQUEEZE, INCREASED_OBSERVATION SEDATION_EMERGENCY",
			"0, NO_RESPONSE, INCREASED_OBSERVATION SEDATION_EMERGENCY" })
	void everyLevelWithTheDefaultCutoffs(int value, String severity, String flags) {
		Score score = moaas.score(answers(value));
		assertThat(score.total()).isEqualTo(value);
		assertThat(score.severity()).isEqualTo(severity);
		assertThat(score.flags()).extracting(Score.Flag::code).containsExactlyElementsOf(codes(flags));
	}

	@ParameterizedTest(name = "observe at or below {0}, emergency at or below {1}: {2} flags [{3}]")
	@CsvSource({ "2, 0, 3, ''", "2, 0, 2, INCREASED_OBSERVATION", "2, 0, 1, INCREASED_OBSERVATION",
			"2, 0, 0, INCREASED_OBSERVATION SEDATION_EMERGENCY", "4, 2, 5, ''", "4, 2, 4, INCREASED_OBSERVATION",
			"4, 2, 3, INCREASED_OBSERVATION", "4, 2, 2, INCREASED_OBSERVATION SEDATION_EMERGENCY" })
	void clinicCutoffs(int observeAtOrBelow, int emergencyAtOrBelow, int value, String flags) {
		Scale scale = Scales.of(Instrument.MOAAS, new ScaleSettings(33, 4, observeAtOrBelow, emergencyAtOrBelow, 9));
		assertThat(scale.score(answers(value)).flags()).extracting(Score.Flag::code)
			.containsExactlyElementsOf(codes(flags));
	}

	@Test
	void flagMessagesGiveTheScoreAndTheCutoff() {
		assertThat(moaas.score(answers(1)).flags()).extracting(Score.Flag::message)
			.containsExactly("MOAA/S 1 is at or below 3: increase observation", "MOAA/S 1 is at or below 1: sedation emergency");
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 6 })
	void refusesScoresOutsideZeroToFive(int value) {
		assertRejected(moaas, answers(value), problem("answers[0]", "must be 0 to 5"));
	}

	@Test
	void takesExactlyOneAnswer() {
		assertRejected(moaas, answers(), problem("answers", "MOAAS needs exactly 1 answer, got 0"));
		assertRejected(moaas, answers(5, 5), problem("answers", "MOAAS needs exactly 1 answer, got 2"));
	}

	@Test
	void describesOneObservationWithALevelPerBand() {
		assertThat(moaas.selfReport()).isFalse();
		assertThat(moaas.items()).singleElement()
			.satisfies(item -> assertThat(item.options()).extracting(Scale.Option::value).containsExactly(0, 1, 2, 3, 4, 5));
		assertThat(moaas.totalRange()).isEqualTo(new Scale.Range(0, 5));
		assertThat(moaas.bands()).extracting(Scale.Band::severity)
			.containsExactly("NO_RESPONSE", "RESPONDS_TO_TRAPEZIUS_SQUEEZE", "RESPONDS_TO_PRODDING",
					"RESPONDS_TO_LOUD_VOICE", "LETHARGIC", "ALERT");
	}
}
