package org.ketamineclinic.protocol.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

/** The built-in protocols say what the reference and the label say; a definition that breaks the dose rules is refused. */
class ProtocolTest {

	@Test
	void builtInsMatchTheReferenceAndTheLabel() {
		Protocol iv = BuiltInProtocols.find(BuiltInProtocols.IV_KETAMINE_6_INFUSIONS).orElseThrow();
		assertThat(iv.startDose()).isEqualByComparingTo("0.5");
		assertThat(iv.infusionMinutes()).isEqualTo(40);
		assertThat(iv.inductionSessions()).isEqualTo(6);
		assertThat(iv.maxDose()).isEqualByComparingTo("1.0");
		assertThat(iv.builtIn()).isTrue();

		Protocol trd = BuiltInProtocols.find(BuiltInProtocols.ESKETAMINE_TRD_LABEL).orElseThrow();
		assertThat(trd.startDose()).isEqualByComparingTo("56");
		assertThat(trd.titrationSteps()).extracting(BigDecimal::intValue).containsExactly(56, 84);
		assertThat(trd.requires56Before84()).isTrue();
		assertThat(trd.maintenanceFrequencies()).containsExactly(Frequency.WEEKLY, Frequency.EVERY_2_WEEKS);

		Protocol mdsi = BuiltInProtocols.find(BuiltInProtocols.ESKETAMINE_MDSI_LABEL).orElseThrow();
		assertThat(mdsi.startDose()).isEqualByComparingTo("84");
		assertThat(mdsi.requires56Before84()).isFalse();
		assertThat(mdsi.hasMaintenance()).isFalse();
		assertThat(mdsi.inductionSessions()).isEqualTo(8);

		Protocol im = BuiltInProtocols.find(BuiltInProtocols.IM_KETAMINE_6_INJECTIONS).orElseThrow();
		assertThat(im.infusionMinutes()).isNull();
		assertThat(im.route()).isEqualTo(Route.IM_KETAMINE);
	}

	@Test
	void aCopyIsTheClinicsAndRemembersItsOrigin() {
		Protocol copy = BuiltInProtocols.find(BuiltInProtocols.IV_KETAMINE_6_INFUSIONS).orElseThrow().copyAs("IV_OURS", "Ours");
		assertThat(copy.builtIn()).isFalse();
		assertThat(copy.copiedFrom()).isEqualTo(BuiltInProtocols.IV_KETAMINE_6_INFUSIONS);
		assertThat(copy.code()).isEqualTo("IV_OURS");
		assertThat(copy.induction()).isEqualTo(BuiltInProtocols.all().get(0).induction());
	}

	@Test
	void definitionsThatBreakTheDoseRulesAreRefusedWithEveryField() {
		ScheduleBlock block = new ScheduleBlock(Phase.INDUCTION, 6, 2, 14, 21, "six");
		assertThatThrownBy(() -> new Protocol("IV_HIGH", "High", Route.IV_KETAMINE, Indication.TRD, DoseUnit.MG_PER_KG,
				new BigDecimal("0.6"), List.of(new BigDecimal("0.5"), new BigDecimal("1.2")), null, List.of(block), List.of(), List.of(), 3,
				3, false, null, "test"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems()).extracting(FieldProblem::field)
				.containsExactlyInAnyOrder("titrationSteps[1]", "startDose", "infusionMinutes"));
		assertThatThrownBy(() -> new Protocol("ESK_40", "Esk", Route.IN_ESKETAMINE, Indication.TRD, DoseUnit.MG_PER_KG,
				BigDecimal.valueOf(40), List.of(BigDecimal.valueOf(40)), 40, List.of(block), List.of(), List.of(Frequency.EVERY_4_WEEKS), 2,
				2, false, null, "test"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems()).extracting(FieldProblem::field)
				.contains("doseUnit", "titrationSteps[0]", "infusionMinutes", "maintenanceFrequencies"));
		assertThatThrownBy(() -> new Protocol("lower", "x", Route.IM_KETAMINE, null, DoseUnit.MG_PER_KG, new BigDecimal("0.5"),
				List.of(new BigDecimal("0.75"), new BigDecimal("0.5")), null, List.of(block), List.of(), List.of(), 3, 3, false, null, "t"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems()).extracting(FieldProblem::field)
				.contains("code", "titrationSteps"));
	}
}
