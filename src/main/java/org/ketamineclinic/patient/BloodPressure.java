package org.ketamineclinic.patient;

import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * A blood pressure in mmHg within physiological plausibility (clinical reference section 6):
 * systolic 50-300, diastolic 20-200 and below the systolic.
 */
public record BloodPressure(int sbp, int dbp) {

	public BloodPressure {
		List<FieldProblem> problems = new ArrayList<>();
		if (sbp < 50 || sbp > 300) {
			problems.add(new FieldProblem("sbp", "must be between 50 and 300 mmHg"));
		}
		if (dbp < 20 || dbp > 200) {
			problems.add(new FieldProblem("dbp", "must be between 20 and 200 mmHg"));
		}
		if (problems.isEmpty() && dbp >= sbp) {
			problems.add(new FieldProblem("dbp", "must be below the systolic pressure"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	@Override
	public String toString() {
		return sbp + "/" + dbp;
	}
}
