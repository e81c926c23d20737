package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.BloodPressure;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.HistoryFact;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.SexAtBirth;

class EvaluationFactsTest {

	@Test
	void ageIsInWholeYearsAndTurnsOnTheBirthday() {
		assertThat(Facts.eligible(Route.IV_KETAMINE).bornOn(Facts.TODAY.minusYears(18)).build().ageInYears()).contains(18);
		assertThat(Facts.eligible(Route.IV_KETAMINE).bornOn(Facts.TODAY.minusYears(18).plusDays(1)).build().ageInYears())
			.contains(17);
		assertThat(Facts.eligible(Route.IV_KETAMINE).noBirthDate().build().ageInYears()).isEmpty();
	}

	@Test
	void theListsAreCopiedSoLaterChangesDoNotLeakIn() {
		List<HistoryFact> history = new ArrayList<>();
		EvaluationFacts facts = new EvaluationFacts(Route.IN_ESKETAMINE, Indication.TRD, Facts.TODAY, null, SexAtBirth.UNKNOWN,
				null, null, history, List.of(), List.of(), null, null);
		history.add(new HistoryFact(HistoryFindingCode.PREGNANCY, FindingStatus.ACTIVE, null));

		assertThat(facts.history()).isEmpty();
		assertThatThrownBy(() -> facts.trials().add(null)).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aWeightMustBePositive() {
		assertThatThrownBy(() -> new EvaluationFacts(Route.IN_ESKETAMINE, Indication.TRD, Facts.TODAY, null,
				SexAtBirth.UNKNOWN, BigDecimal.ZERO, Facts.daysAgo(1), List.of(), List.of(), List.of(), null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("weightKg must be positive, got 0");
	}

	@Test
	void aBloodPressureMustBePositiveAndPrintsInMmHg() {
		assertThatThrownBy(() -> new BloodPressure(0, 80, Facts.daysAgo(1))).isInstanceOf(IllegalArgumentException.class);
		assertThat(new BloodPressure(128, 84, Facts.daysAgo(1))).hasToString("128/84 mmHg");
	}
}
