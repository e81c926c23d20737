package org.ketamineclinic.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Collects every rejected field of one request, so that a form shows all its problems at once
 * instead of one per submit. Value objects validate themselves; this only gathers their refusals
 * under the field names the caller used.
 */
public final class FieldChecks {

	private final List<FieldProblem> problems = new ArrayList<>();

	/** Builds a value, recording its refusal under {@code field}; returns null when refused. */
	public <T> @Nullable T check(String field, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidInput invalid) {
			invalid.problems().forEach(problem -> problems.add(new FieldProblem(field, problem.message())));
			return null;
		}
		catch (IllegalArgumentException invalid) {
			problems.add(new FieldProblem(field, invalid.getMessage()));
			return null;
		}
	}

	public FieldChecks require(String field, @Nullable Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			problems.add(new FieldProblem(field, "is required"));
		}
		return this;
	}

	public FieldChecks rule(boolean holds, String field, String message) {
		if (!holds) {
			problems.add(new FieldProblem(field, message));
		}
		return this;
	}

	/** Adds another set's problems under their own field names, so that one 400 lists both. */
	public FieldChecks include(FieldChecks other) {
		problems.addAll(other.problems);
		return this;
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
