package org.ketamineclinic.evaluation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.HistoryFact;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;

/**
 * A rule that fires on charted history findings with a fixed severity. Which statuses count is
 * set per condition: {@link #CURRENT} for states (pregnancy, an active disorder), {@link #EVER}
 * for history (psychosis, a haemorrhage, hypersensitivity).
 */
final class HistoryFindingRule extends AbstractRule {

	/** Only an ACTIVE finding counts: the condition is a state that may have ended. */
	static final Set<FindingStatus> CURRENT = Set.of(FindingStatus.ACTIVE);

	/** Only a PAST finding counts: for a milder rule about a state that has ended. */
	static final Set<FindingStatus> ENDED = Set.of(FindingStatus.PAST);

	/** ACTIVE or PAST counts: having had it at all is what matters. */
	static final Set<FindingStatus> EVER = Set.of(FindingStatus.ACTIVE, FindingStatus.PAST);

	/** A finding code and the statuses that make it count. */
	record Condition(HistoryFindingCode code, Set<FindingStatus> counts) {
	}

	private final Severity severity;

	private final boolean regulatory;

	private final boolean overridable;

	private final List<Condition> conditions;

	private final String advice;

	HistoryFindingRule(String id, Set<Route> routes, String source, Severity severity, boolean regulatory,
			boolean overridable, List<Condition> conditions, String advice) {
		super(id, routes, source);
		this.severity = severity;
		this.regulatory = regulatory;
		this.overridable = overridable;
		this.conditions = List.copyOf(conditions);
		this.advice = advice;
	}

	HistoryFindingRule(String id, Set<Route> routes, String source, Severity severity, boolean regulatory,
			boolean overridable, HistoryFindingCode code, Set<FindingStatus> counts, String advice) {
		this(id, routes, source, severity, regulatory, overridable, List.of(new Condition(code, counts)), advice);
	}

	List<Condition> conditions() {
		return conditions;
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		List<HistoryFact> found = new ArrayList<>();
		for (Condition condition : conditions) {
			facts.finding(condition.code(), condition.counts()).ifPresent(found::add);
		}
		if (found.isEmpty()) {
			return List.of();
		}
		String charted = found.stream().map(HistoryFindingRule::describe).collect(Collectors.joining("; "));
		return List.of(finding(severity, charted + ": " + advice, regulatory, overridable));
	}

	/** "Aneurysmal vascular disease (past: AAA repaired 2019)". */
	static String describe(HistoryFact fact) {
		String status = fact.status().name().toLowerCase(Locale.ROOT);
		String note = fact.note();
		return fact.code().label() + " (" + status + (note == null || note.isBlank() ? "" : ": " + note.strip()) + ")";
	}
}
