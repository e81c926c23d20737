package org.ketamineclinic.evaluation.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.MedicationFact;
import org.ketamineclinic.patient.MedicationClass;

/** A rule that fires on current medications of given classes; past medications do not count. */
final class MedicationClassRule extends AbstractRule {

	private final Severity severity;

	private final boolean regulatory;

	private final Set<MedicationClass> classes;

	private final String advice;

	MedicationClassRule(String id, Set<Route> routes, String source, Severity severity, boolean regulatory,
			Set<MedicationClass> classes, String advice) {
		super(id, routes, source);
		this.severity = severity;
		this.regulatory = regulatory;
		this.classes = Set.copyOf(classes);
		this.advice = advice;
	}

	Set<MedicationClass> classes() {
		return classes;
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		List<MedicationFact> current = facts.currentMedications(classes);
		if (current.isEmpty()) {
			return List.of();
		}
		String names = current.stream()
			.map(MedicationClassRule::describe)
			.collect(Collectors.joining(", "));
		return List.of(finding(severity, "Currently taking " + names + ": " + advice, regulatory,
				severity == Severity.RELATIVE));
	}

	/** "Lorazepam (Benzodiazepine)". */
	static String describe(MedicationFact medication) {
		MedicationClass medicationClass = medication.medicationClass();
		return medication.name() + (medicationClass == null ? "" : " (" + medicationClass.label() + ")");
	}
}
