package org.ketamineclinic.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.session.SessionStatus;

/** The session's own state machine, without Spring: every transition and the ones it refuses. */
class SessionLifecycleTest {

	static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
	static final VitalSigns NORMAL = new VitalSigns(120, 80, 70, 98, null);

	static DosingSession planned(Route route) {
		return new DosingSession(new ClinicId(UUID.randomUUID()), UUID.randomUUID(), route, null, null, null, null, T0, "C1", "frontdesk", T0);
	}

	static DosingSession checkedIn(Route route, List<CheckInRules.Finding> findings) {
		DosingSession session = planned(route);
		session.checkIn(new DosingSession.CheckIn(T0, T0.minus(Duration.ofHours(3)), T0.minus(Duration.ofHours(1)), null, "Sam", "555",
				NORMAL), findings, "nurse", T0);
		return session;
	}

	static DosingSession.Given device(int n, Instant at) {
		return new DosingSession.Given("LOT-1", BigDecimal.valueOf(28), at, null, n);
	}

	@Test
	void anEsketamineSessionFromPlanToDischarge() {
		DosingSession session = checkedIn(Route.IN_ESKETAMINE, List.of());
		assertThat(session.status()).isEqualTo(SessionStatus.CHECKED_IN);
		assertThat(session.administer(device(1, T0.plusSeconds(60)), null, "nurse", T0)).isEmpty();
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
		List<DosingSession.Warning> warnings = session.administer(device(2, T0.plusSeconds(240)), null, "nurse", T0);
		assertThat(warnings).extracting(DosingSession.Warning::code).containsExactly(DosingSession.DEVICE_INTERVAL_SHORT);
		assertThat(session.administer(device(3, T0.plusSeconds(540)), null, "nurse", T0)).isEmpty();
		assertThat(session.givenDoseMg()).isEqualByComparingTo("84");
		assertThat(session.firstDoseAt()).isEqualTo(T0.plusSeconds(60));
		session.readyForDischarge(T0.plus(Duration.ofHours(2)));
		assertThat(session.status()).isEqualTo(SessionStatus.READY_FOR_DISCHARGE);
		session.monitoringResumed(T0.plus(Duration.ofHours(2)));
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
		session.readyForDischarge(T0.plus(Duration.ofHours(2)));
		assertThat(session.status()).isEqualTo(SessionStatus.READY_FOR_DISCHARGE);
		session.discharge(new DosingSession.Discharge(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofMinutes(90)), true, true, "nurse",
				UUID.randomUUID()), List.of(), T0);
		assertThat(session.status()).isEqualTo(SessionStatus.DISCHARGED);
		assertThat(session.endedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
		assertThatThrownBy(() -> session.abort("late", T0)).isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> session.cancel("late", T0)).isInstanceOf(Conflict.class);
	}

	@Test
	void devicesComeInOrderOf28MgUpToTheOrder() {
		DosingSession session = checkedIn(Route.IN_ESKETAMINE, List.of());
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.valueOf(56), T0, null, 1), null, "n", T0))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.valueOf(28), T0, null, null), null, "n", T0))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> session.administer(device(2, T0), null, "n", T0)).isInstanceOf(Conflict.class);
		DosingSession.Ordered twoDevices = new DosingSession.Ordered(BigDecimal.valueOf(56), 2);
		session.administer(device(1, T0), twoDevices, "n", T0);
		session.administer(device(2, T0.plusSeconds(300)), twoDevices, "n", T0);
		assertThatThrownBy(() -> session.administer(device(3, T0.plusSeconds(600)), twoDevices, "n", T0))
			.isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).findings().get(0).ruleId()).isEqualTo(DosingSession.DOSE_MATCHES_ORDER));
	}

	@Test
	void anIvInfusionStaysDosingUntilItsDurationEnds() {
		DosingSession session = checkedIn(Route.IV_KETAMINE, List.of());
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.valueOf(35), T0, null, null), null, "n", T0))
			.isInstanceOf(InvalidInput.class);
		session.administer(new DosingSession.Given("L", BigDecimal.valueOf(35), T0, 40, null), null, "n", T0);
		assertThat(session.status()).isEqualTo(SessionStatus.DOSING);
		assertThat(session.infusionEndsAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
		session.advance(T0.plus(Duration.ofMinutes(39)));
		assertThat(session.status()).isEqualTo(SessionStatus.DOSING);
		session.advance(T0.plus(Duration.ofMinutes(40)));
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.valueOf(35), T0, 40, null), null, "n", T0))
			.as("one infusion per session").isInstanceOf(Conflict.class);
	}

	@Test
	void aClinicMayAskForASecondPersonToCheckAnIvDose() {
		DosingSession unchecked = checkedIn(Route.IV_KETAMINE, List.of());
		assertThatThrownBy(() -> unchecked.administer(new DosingSession.Given("L", BigDecimal.TEN, T0, 40, null, null), null, true, "nurse", T0))
			.isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).findings().get(0).ruleId()).isEqualTo(DosingSession.SECOND_PERSON_CHECK));
		assertThatThrownBy(() -> unchecked.administer(new DosingSession.Given("L", BigDecimal.TEN, T0, 40, null, "nurse"), null, true, "nurse", T0))
			.as("not the one recording it").isInstanceOf(RuleViolation.class);
		unchecked.administer(new DosingSession.Given("L", BigDecimal.TEN, T0, 40, null, "physician"), null, true, "nurse", T0);
		assertThat(unchecked.administrations().get(0).checkedBy()).isEqualTo("physician");
		DosingSession off = checkedIn(Route.IV_KETAMINE, List.of());
		off.administer(new DosingSession.Given("L", BigDecimal.TEN, T0, 40, null, null), null, false, "nurse", T0);
		assertThat(off.status()).isEqualTo(SessionStatus.DOSING);
		DosingSession esketamine = checkedIn(Route.IN_ESKETAMINE, List.of());
		esketamine.administer(device(1, T0), null, true, "nurse", T0);
		assertThat(esketamine.status()).as("only IV doses").isEqualTo(SessionStatus.MONITORING);
	}

	@Test
	void aRacemicDoseMustBeTheSignedOrdersDose() {
		DosingSession session = checkedIn(Route.IM_KETAMINE, List.of());
		DosingSession.Ordered ordered = new DosingSession.Ordered(BigDecimal.valueOf(35), null);
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.valueOf(36), T0, null, null), ordered, "n", T0))
			.isInstanceOf(RuleViolation.class);
		session.administer(new DosingSession.Given("L", new BigDecimal("35.0"), T0, null, null), ordered, "n", T0);
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
	}

	@Test
	void anUnacknowledgedFindingBlocksDosingUntilAPhysicianAcknowledgesIt() {
		CheckInRules.Finding bp = new CheckInRules.Finding(CheckInRules.BLOOD_PRESSURE, CheckInRules.Severity.ACKNOWLEDGE,
				CheckInRules.Source.REG, "high");
		CheckInRules.Finding info = new CheckInRules.Finding("SOMETHING", CheckInRules.Severity.INFO, CheckInRules.Source.POLICY, "fyi");
		DosingSession session = checkedIn(Route.IN_ESKETAMINE, List.of(bp, info));
		assertThatThrownBy(() -> session.administer(device(1, T0), null, "n", T0)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> session.acknowledge("SOMETHING", "why", "physician", T0)).as("INFO needs none").isInstanceOf(InvalidInput.class);
		session.acknowledge(CheckInRules.BLOOD_PRESSURE, "Rechecked 138/88", "physician", T0);
		assertThatThrownBy(() -> session.acknowledge(CheckInRules.BLOOD_PRESSURE, "again", "physician", T0)).isInstanceOf(Conflict.class);
		assertThat(session.awaitingAcknowledgement()).isEmpty();
		session.administer(device(1, T0), null, "n", T0);
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
		assertThatThrownBy(() -> session.acknowledge(CheckInRules.BLOOD_PRESSURE, "after", "physician", T0)).isInstanceOf(Conflict.class);
	}

	@Test
	void aBlockingFindingKeepsTheSessionPlanned() {
		DosingSession session = planned(Route.IV_KETAMINE);
		CheckInRules.Finding block = new CheckInRules.Finding(CheckInRules.ESCORT, CheckInRules.Severity.BLOCK, CheckInRules.Source.POLICY, "no");
		assertThatThrownBy(() -> session.checkIn(new DosingSession.CheckIn(T0, null, null, null, null, null, NORMAL), List.of(block), "n", T0))
			.isInstanceOf(RuleViolation.class);
		assertThat(session.status()).isEqualTo(SessionStatus.PLANNED);
	}

	@Test
	void illegalTransitionsAreConflicts() {
		DosingSession session = planned(Route.IV_KETAMINE);
		assertThatThrownBy(() -> session.administer(new DosingSession.Given("L", BigDecimal.TEN, T0, 40, null), null, "n", T0))
			.isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> session.discharge(new DosingSession.Discharge(T0, null, true, true, "n", UUID.randomUUID()), List.of(), T0))
			.isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> session.abort("why", T0)).isInstanceOf(Conflict.class);
		session.cancel("Patient unwell", T0);
		assertThat(session.status()).isEqualTo(SessionStatus.CANCELLED);
		assertThat(session.statusReason()).isEqualTo("Patient unwell");
		assertThatThrownBy(() -> session.checkIn(new DosingSession.CheckIn(T0, null, null, null, "a", "b", NORMAL), List.of(), "n", T0))
			.isInstanceOf(Conflict.class);
	}

	@Test
	void abortAfterDosingKeepsTheReason() {
		DosingSession session = checkedIn(Route.IM_KETAMINE, List.of());
		assertThatThrownBy(() -> session.abort("x", T0)).as("before a dose it is a cancellation").isInstanceOf(Conflict.class);
		session.administer(new DosingSession.Given("L", BigDecimal.valueOf(35), T0, null, null), null, "n", T0);
		session.abort("Severe anxiety", T0.plusSeconds(600));
		assertThat(session.status()).isEqualTo(SessionStatus.ABORTED);
		assertThat(session.statusReason()).isEqualTo("Severe anxiety");
	}

	@Test
	void unmetDischargeCriteriaAreListed() {
		DosingSession session = checkedIn(Route.IM_KETAMINE, List.of());
		session.administer(new DosingSession.Given("L", BigDecimal.valueOf(35), T0, null, null), null, "n", T0);
		List<DischargeRules.Unmet> unmet = List.of(new DischargeRules.Unmet(DischargeRules.ALDRETE, "POLICY", "low"),
				new DischargeRules.Unmet(DischargeRules.ESCORT, "POLICY", "none"));
		assertThatThrownBy(() -> session.discharge(new DosingSession.Discharge(T0, null, false, true, "n", UUID.randomUUID()), unmet, T0))
			.isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).findings()).extracting(f -> f.ruleId())
				.containsExactly(DischargeRules.ALDRETE, DischargeRules.ESCORT));
		assertThat(session.status()).isEqualTo(SessionStatus.MONITORING);
	}
}
