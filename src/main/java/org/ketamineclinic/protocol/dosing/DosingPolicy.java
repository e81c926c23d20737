package org.ketamineclinic.protocol.dosing;

import java.math.BigDecimal;

/**
 * The named limits behind the dose warnings (clinical reference section 5). All doses are mg of
 * ketamine base per kg of dosing weight; limits are inclusive (a dose equal to a limit is inside).
 *
 * @param ivHardStopAboveMgPerKg an IV dose above this is a hard stop
 * @param ivStudiedMinMgPerKg lower end of the studied IV range (EVID)
 * @param ivStudiedMaxMgPerKg upper end of the studied IV range (EVID)
 * @param imPolicyMinMgPerKg lower end of the clinic's IM range (POLICY)
 * @param imPolicyMaxMgPerKg upper end of the clinic's IM range (POLICY)
 * @param studiedInfusionMinutes an IV infusion shorter than this is faster than studied
 */
public record DosingPolicy(BigDecimal ivHardStopAboveMgPerKg, BigDecimal ivStudiedMinMgPerKg,
		BigDecimal ivStudiedMaxMgPerKg, BigDecimal imPolicyMinMgPerKg, BigDecimal imPolicyMaxMgPerKg,
		int studiedInfusionMinutes) {

	/** The defaults of the clinical reference. */
	public static final DosingPolicy CLINICAL_REFERENCE = new DosingPolicy(new BigDecimal("1.0"), new BigDecimal("0.1"),
			new BigDecimal("1.0"), new BigDecimal("0.25"), new BigDecimal("1.0"), 40);
}
