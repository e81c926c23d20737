package org.ketamineclinic.platform;

import java.util.stream.Collectors;

/**
 * The words a page shows when an alert's acknowledgement is refused for its documented action:
 * risk alerts and relapse alerts ask the physician the same question.
 */
public final class ActionTaken {

	private ActionTaken() {
	}

	/** What to tell the physician whose action text was refused. */
	public static String problem(InvalidInput invalid) {
		return invalid.problems().stream().map(FieldProblem::message)
			.map(message -> "is required".equals(message) ? "Describe what you did or will do; it is required to acknowledge."
					: "Action " + message + ".")
			.collect(Collectors.joining(" "));
	}
}
