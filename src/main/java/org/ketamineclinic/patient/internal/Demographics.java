package org.ketamineclinic.patient.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;

/**
 * Who the patient is and how to reach them and their people. Built only through
 * {@link #check}, which rejects every field that is out of form in one go.
 */
record Demographics(String givenName, String familyName, LocalDate birthDate, SexAtBirth sexAtBirth,
		@Nullable String genderIdentity, @Nullable String phone, @Nullable String email, @Nullable String addressLine,
		@Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String preferredLanguage,
		@Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
		@Nullable String emergencyContactRelationship, @Nullable String escortName, @Nullable String escortPhone) {

	static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	/** The raw values a form or API call supplies, all optional until checked. */
	record Draft(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate,
			@Nullable String sexAtBirth, @Nullable String genderIdentity, @Nullable String phone, @Nullable String email,
			@Nullable String addressLine, @Nullable String city, @Nullable String region, @Nullable String postalCode,
			@Nullable String preferredLanguage, @Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String emergencyContactRelationship, @Nullable String escortName, @Nullable String escortPhone) {
	}

	static Demographics check(Draft draft, LocalDate today, FieldChecks checks) {
		String given = name(draft.givenName(), "givenName", checks);
		String family = name(draft.familyName(), "familyName", checks);
		LocalDate birthDate = draft.birthDate();
		checks.require("birthDate", birthDate);
		if (birthDate != null) {
			checks.rule(!birthDate.isAfter(today), "birthDate", "cannot be in the future")
				.rule(!birthDate.isBefore(EARLIEST_BIRTH_DATE), "birthDate", "must be on or after 1900-01-01");
		}
		SexAtBirth sex = checks.check("sexAtBirth", () -> Codes.parse(SexAtBirth.class, draft.sexAtBirth()));
		String phone = phone(draft.phone(), "phone", checks);
		String email = optional(draft.email(), 200, "email", checks);
		if (email != null) {
			checks.rule(EMAIL.matcher(email).matches(), "email", "is not an email address");
		}
		Demographics demographics = new Demographics(given, family, birthDate, sex,
				optional(draft.genderIdentity(), 60, "genderIdentity", checks), phone, email,
				optional(draft.addressLine(), 200, "addressLine", checks), optional(draft.city(), 100, "city", checks),
				optional(draft.region(), 100, "region", checks), optional(draft.postalCode(), 20, "postalCode", checks),
				optional(draft.preferredLanguage(), 60, "preferredLanguage", checks),
				optional(draft.emergencyContactName(), 200, "emergencyContactName", checks),
				phone(draft.emergencyContactPhone(), "emergencyContactPhone", checks),
				optional(draft.emergencyContactRelationship(), 60, "emergencyContactRelationship", checks),
				optional(draft.escortName(), 200, "escortName", checks), phone(draft.escortPhone(), "escortPhone", checks));
		checks.throwIfAny();
		return demographics;
	}

	private static @Nullable String name(@Nullable String value, String field, FieldChecks checks) {
		checks.require(field, value);
		return optional(value, 100, field, checks);
	}

	private static @Nullable String phone(@Nullable String value, String field, FieldChecks checks) {
		String phone = optional(value, 40, field, checks);
		if (phone != null) {
			checks.rule(PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= 5, field,
					"is not a phone number");
		}
		return phone;
	}

	static @Nullable String optional(@Nullable String value, int maxLength, String field, FieldChecks checks) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		checks.rule(text.length() <= maxLength, field, "must be at most " + maxLength + " characters")
			.rule(text.chars().noneMatch(Character::isISOControl), field, "contains control characters");
		return text;
	}
}
