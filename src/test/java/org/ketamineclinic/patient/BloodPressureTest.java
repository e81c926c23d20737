package org.ketamineclinic.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

/** Clinical reference section 6: systolic 50-300, diastolic 20-200 and below systolic, rejected otherwise. */
class BloodPressureTest {

	@Test
	void acceptsTheEdgesOfPlausibility() {
		assertThat(new BloodPressure(50, 20)).hasToString("50/20");
		assertThat(new BloodPressure(300, 200)).hasToString("300/200");
	}

	@Test
	void rejectsOutOfRangeValuesNamingTheField() {
		assertThat(catchThrowableOfType(InvalidInput.class, () -> new BloodPressure(49, 30)).problems())
			.extracting(FieldProblem::field).containsExactly("sbp");
		assertThat(catchThrowableOfType(InvalidInput.class, () -> new BloodPressure(120, 201)).problems())
			.extracting(FieldProblem::field).containsExactly("dbp");
		assertThat(catchThrowableOfType(InvalidInput.class, () -> new BloodPressure(301, 19)).problems())
			.extracting(FieldProblem::field).containsExactly("sbp", "dbp");
	}

	@Test
	void diastolicMustBeBelowSystolic() {
		assertThat(catchThrowableOfType(InvalidInput.class, () -> new BloodPressure(90, 90)).problems())
			.extracting(FieldProblem::message).containsExactly("must be below the systolic pressure");
	}
}
