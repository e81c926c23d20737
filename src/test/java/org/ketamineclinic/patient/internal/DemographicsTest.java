package org.ketamineclinic.patient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

class DemographicsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static Demographics.Draft draft(String given, String family, LocalDate birth, String sex, String phone, String email) {
		return new Demographics.Draft(given, family, birth, sex, null, phone, email, null, null, null, null, null, null, null,
				null, null, null);
	}

	@Test
	void acceptsAWellFormedRegistrationAndTrimsIt() {
		Demographics d = Demographics.check(draft("  Ada ", "Lovelace", LocalDate.of(1980, 4, 2), "FEMALE", "+1 555 0100",
				"ada@example.org"), TODAY, new FieldChecks());
		assertThat(d.givenName()).isEqualTo("Ada");
		assertThat(d.sexAtBirth()).isEqualTo(SexAtBirth.FEMALE);
	}

	@Test
	void reportsEveryBadFieldAtOnce() {
		InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> Demographics.check(
				draft("", "X", TODAY.plusDays(1), "F", "abc", "not-an-email"), TODAY, new FieldChecks()));
		assertThat(invalid.problems()).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("givenName", "birthDate", "sexAtBirth", "phone", "email");
	}

	@Test
	void rejectsBirthDatesBefore1900() {
		InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> Demographics.check(
				draft("Ada", "Lovelace", LocalDate.of(1899, 12, 31), "FEMALE", null, null), TODAY, new FieldChecks()));
		assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("birthDate");
	}

	@Test
	void rejectsControlCharactersAndOverlongNames() {
		InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> Demographics.check(
				draft("A\u0007da", "L".repeat(101), LocalDate.of(1980, 1, 1), "FEMALE", null, null), TODAY, new FieldChecks()));
		assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("givenName", "familyName");
	}
}
