package org.ketamineclinic.evaluation.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.Severity;

/** Route filtering and finding construction shared by the rules. */
abstract class AbstractRule implements EvaluationRule {

	static final Set<Route> ESKETAMINE = Set.of(Route.IN_ESKETAMINE);

	static final Set<Route> RACEMIC = Set.of(Route.IV_KETAMINE, Route.IM_KETAMINE);

	static final Set<Route> ALL_ROUTES = Set.copyOf(EnumSet.allOf(Route.class));

	private final String id;

	private final Set<Route> routes;

	private final String source;

	AbstractRule(String id, Set<Route> routes, String source) {
		this.id = Objects.requireNonNull(id);
		this.routes = Set.copyOf(routes);
		this.source = Objects.requireNonNull(source);
	}

	@Override
	public final String id() {
		return id;
	}

	@Override
	public final Set<Route> routes() {
		return routes;
	}

	@Override
	public final String source() {
		return source;
	}

	@Override
	public final List<Finding> apply(EvaluationFacts facts, ClinicPolicy policy) {
		if (!routes.contains(facts.route())) {
			return List.of();
		}
		return check(facts, policy);
	}

	/** The findings for facts whose route this rule covers. */
	abstract List<Finding> check(EvaluationFacts facts, ClinicPolicy policy);

	final Finding finding(Severity severity, String message, boolean regulatory, boolean overridable) {
		return new Finding(id, severity, message, source, regulatory, overridable);
	}

	@Override
	public String toString() {
		return id;
	}
}
