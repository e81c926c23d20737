package org.ketamineclinic.protocol.library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;

/**
 * The protocols every clinic starts with, from clinical reference section 5. Read-only: a clinic
 * that wants another dose or rhythm copies one under its own code.
 */
public final class BuiltInProtocols {

	public static final String IV_KETAMINE_6_INFUSIONS = "IV_KETAMINE_6_INFUSIONS";

	public static final String IM_KETAMINE_6_INJECTIONS = "IM_KETAMINE_6_INJECTIONS";

	public static final String ESKETAMINE_TRD_LABEL = "ESKETAMINE_TRD_LABEL";

	public static final String ESKETAMINE_MDSI_LABEL = "ESKETAMINE_MDSI_LABEL";

	private static final List<BigDecimal> RACEMIC_STEPS = List.of(new BigDecimal("0.5"), new BigDecimal("0.75"),
			new BigDecimal("1.0"));

	private static final List<Protocol> ALL = List.of(
			new Protocol(IV_KETAMINE_6_INFUSIONS, "IV ketamine, 6 infusions", Route.IV_KETAMINE, Indication.TRD, DoseUnit.MG_PER_KG,
					new BigDecimal("0.5"), RACEMIC_STEPS, 40,
					List.of(new ScheduleBlock(Phase.INDUCTION, 6, 2, 14, 21, "6 infusions over 2 to 3 weeks, at least one day between")),
					List.of(ScheduleBlock.every(Phase.MAINTENANCE, Frequency.EVERY_4_WEEKS, 3, "Booster infusions every 4 weeks")),
					List.of(Frequency.WEEKLY, Frequency.EVERY_2_WEEKS, Frequency.EVERY_3_WEEKS, Frequency.EVERY_4_WEEKS), 3, 3, true,
					null,
					"Clinical reference §5: 0.5 mg/kg over 40 minutes (EVID); 6 infusions over 2-3 weeks, at least one day apart "
							+ "(POLICY); escalation 0.5, 0.75, 1.0 mg/kg in non-responders (POLICY); maintenance rhythm is clinic policy."),
			new Protocol(IM_KETAMINE_6_INJECTIONS, "IM ketamine, 6 injections", Route.IM_KETAMINE, Indication.TRD,
					DoseUnit.MG_PER_KG, new BigDecimal("0.5"), RACEMIC_STEPS, null,
					List.of(new ScheduleBlock(Phase.INDUCTION, 6, 2, 14, 21, "6 injections over 2 to 3 weeks, at least one day between")),
					List.of(ScheduleBlock.every(Phase.MAINTENANCE, Frequency.EVERY_4_WEEKS, 3, "Booster injections every 4 weeks")),
					List.of(Frequency.WEEKLY, Frequency.EVERY_2_WEEKS, Frequency.EVERY_3_WEEKS, Frequency.EVERY_4_WEEKS), 3, 3, true,
					null,
					"Clinical reference §5: IM 0.25-0.5 mg/kg studied, clinic range 0.25-1.0 mg/kg (POLICY); course rhythm as the "
							+ "IV course (POLICY)."),
			new Protocol(ESKETAMINE_TRD_LABEL, "Esketamine nasal spray, treatment-resistant depression (label)",
					Route.IN_ESKETAMINE, Indication.TRD, DoseUnit.MG, BigDecimal.valueOf(56),
					List.of(BigDecimal.valueOf(56), BigDecimal.valueOf(84)), null,
					List.of(new ScheduleBlock(Phase.INDUCTION, 8, 2, 28, 28, "Weeks 1-4: twice weekly, 56 mg on day 1 then 56 or 84 mg")),
					List.of(ScheduleBlock.every(Phase.MAINTENANCE, Frequency.WEEKLY, 4, "Weeks 5-8: once weekly, 56 or 84 mg"),
							ScheduleBlock.every(Phase.MAINTENANCE, Frequency.EVERY_2_WEEKS, 4,
									"Week 9 on: every 2 weeks or weekly, the lowest frequency that keeps the response")),
					List.of(Frequency.WEEKLY, Frequency.EVERY_2_WEEKS), 2, 4, true, null,
					"US label (REG): induction weeks 1-4 twice weekly, 56 mg day 1 then 56 or 84 mg; weeks 5-8 once weekly; "
							+ "week 9 on every 2 weeks or weekly; 84 mg only after a 56 mg start; check benefit at the end of induction."),
			new Protocol(ESKETAMINE_MDSI_LABEL, "Esketamine nasal spray, depression with acute suicidal ideation (label)",
					Route.IN_ESKETAMINE, Indication.MDSI, DoseUnit.MG, BigDecimal.valueOf(84),
					List.of(BigDecimal.valueOf(56), BigDecimal.valueOf(84)), null,
					List.of(new ScheduleBlock(Phase.INDUCTION, 8, 2, 28, 28,
							"Twice weekly for 4 weeks, 84 mg; may drop to 56 mg for tolerability")),
					List.of(), List.of(), 2, 1, true, null,
					"US label (REG): 84 mg twice weekly for 4 weeks, may be reduced to 56 mg for tolerability; use beyond 4 weeks "
							+ "has not been evaluated, so the protocol has no maintenance phase."));

	private BuiltInProtocols() {
	}

	public static List<Protocol> all() {
		return ALL;
	}

	public static Optional<Protocol> find(@Nullable String code) {
		return ALL.stream().filter(p -> p.code().equals(code)).findFirst();
	}

	public static boolean isBuiltIn(@Nullable String code) {
		return find(code).isPresent();
	}
}
