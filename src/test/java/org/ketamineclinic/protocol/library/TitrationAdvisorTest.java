package org.ketamineclinic.protocol.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.assessment.ResponseStatus;
import org.ketamineclinic.protocol.library.TitrationAdvisor.GivenSession;
import org.ketamineclinic.protocol.library.TitrationAdvisor.Rule;
import org.ketamineclinic.protocol.library.TitrationAdvisor.Suggestion;

class TitrationAdvisorTest {

	private static final Protocol IV = BuiltInProtocols.find(BuiltInProtocols.IV_KETAMINE_6_INFUSIONS).orElseThrow();
	private static final Protocol ESK = BuiltInProtocols.find(BuiltInProtocols.ESKETAMINE_TRD_LABEL).orElseThrow();
	private static final BigDecimal HALF = new BigDecimal("0.5");
	private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");
	private static final BigDecimal ONE = new BigDecimal("1.0");

	private static GivenSession ok(int n, BigDecimal dose) {
		return new GivenSession(n, dose, false, false);
	}

	private static Optional<Suggestion> iv(BigDecimal current, List<GivenSession> given, ResponseStatus status, int decided) {
		return TitrationAdvisor.suggest(IV, Phase.INDUCTION, current, given, status, decided);
	}

	@Test
	void threeToleratedSessionsWithoutResponseSuggestTheNextStepUp() {
		Suggestion up = iv(HALF, List.of(ok(1, HALF), ok(2, HALF), ok(3, HALF)), ResponseStatus.NOT_RESPONDING, 0).orElseThrow();
		assertThat(up.rule()).isEqualTo(Rule.TITRATE_UP_NO_RESPONSE);
		assertThat(up.toDose()).isEqualByComparingTo(THREE_QUARTERS);
		assertThat(up.afterSession()).isEqualTo(3);
		assertThat(iv(THREE_QUARTERS, List.of(ok(1, HALF), ok(2, THREE_QUARTERS), ok(3, THREE_QUARTERS), ok(4, THREE_QUARTERS)),
				ResponseStatus.NOT_RESPONDING, 1).orElseThrow().toDose()).isEqualByComparingTo(ONE);
	}

	@Test
	void noStepUpWithoutEvidenceOfNonResponseOrBeforeThreeSessionsOrAboveTheMaximum() {
		List<GivenSession> three = List.of(ok(1, HALF), ok(2, HALF), ok(3, HALF));
		assertThat(iv(HALF, three, ResponseStatus.NO_BASELINE, 0)).isEmpty();
		assertThat(iv(HALF, three, ResponseStatus.RESPONSE, 0)).isEmpty();
		assertThat(iv(HALF, three, ResponseStatus.REMISSION, 0)).isEmpty();
		assertThat(iv(HALF, three.subList(0, 2), ResponseStatus.NOT_RESPONDING, 0)).isEmpty();
		assertThat(iv(ONE, List.of(ok(1, ONE), ok(2, ONE), ok(3, ONE)), ResponseStatus.NOT_RESPONDING, 0)).as("at the maximum").isEmpty();
		// Only sessions at the current dose count: two at 0.75 after one at 0.5 is not three.
		assertThat(iv(THREE_QUARTERS, List.of(ok(1, HALF), ok(2, THREE_QUARTERS), ok(3, THREE_QUARTERS)),
				ResponseStatus.NOT_RESPONDING, 1)).isEmpty();
		// Not in maintenance.
		assertThat(TitrationAdvisor.suggest(IV, Phase.MAINTENANCE, HALF, three, ResponseStatus.NOT_RESPONDING, 0)).isEmpty();
		// A session that was not tolerated breaks the run.
		assertThat(iv(HALF, List.of(ok(1, HALF), new GivenSession(2, HALF, false, true), ok(3, HALF)),
				ResponseStatus.NOT_RESPONDING, 2)).isEmpty();
	}

	@Test
	void severeDissociationOrABloodPressureAlertSuggestsAStepDown() {
		Suggestion dissociation = iv(THREE_QUARTERS, List.of(ok(1, HALF), new GivenSession(2, THREE_QUARTERS, true, false)),
				ResponseStatus.RESPONSE, 1).orElseThrow();
		assertThat(dissociation.rule()).isEqualTo(Rule.TITRATE_DOWN_FOR_TOLERABILITY);
		assertThat(dissociation.toDose()).isEqualByComparingTo(HALF);
		assertThat(dissociation.reason()).contains("severe dissociation");
		Suggestion pressure = iv(ONE, List.of(new GivenSession(7, ONE, false, true)), ResponseStatus.NOT_RESPONDING, 0).orElseThrow();
		assertThat(pressure.toDose()).isEqualByComparingTo(THREE_QUARTERS);
		assertThat(pressure.reason()).contains("blood-pressure alert");
		// At the lowest step there is nothing lower to suggest.
		assertThat(iv(HALF, List.of(new GivenSession(1, HALF, true, true)), ResponseStatus.NOT_RESPONDING, 0)).isEmpty();
		Suggestion esketamine = TitrationAdvisor.suggest(ESK, Phase.INDUCTION, BigDecimal.valueOf(84),
				List.of(ok(1, BigDecimal.valueOf(56)), new GivenSession(2, BigDecimal.valueOf(84), true, false)), ResponseStatus.RESPONSE, 1)
			.orElseThrow();
		assertThat(esketamine.toDose()).isEqualByComparingTo("56");
	}

	@Test
	void aDecisionAfterTheLatestSessionSilencesTheSuggestion() {
		List<GivenSession> three = List.of(ok(1, HALF), ok(2, HALF), ok(3, HALF));
		assertThat(iv(HALF, three, ResponseStatus.NOT_RESPONDING, 3)).isEmpty();
		assertThat(iv(HALF, three, ResponseStatus.NOT_RESPONDING, 2)).isPresent();
	}
}
