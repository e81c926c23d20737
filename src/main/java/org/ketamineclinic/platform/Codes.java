package org.ketamineclinic.platform;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads a code such as {@code FEMALE} or {@code PHQ9} from a request. Requests carry codes as text
 * so that a wrong one becomes a field message listing the valid codes, not an unreadable body.
 */
public final class Codes {

	private Codes() {
	}

	/** The constant named {@code value}; throws IllegalArgumentException with a message for {@link FieldChecks#check}. */
	public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	/** The same, for a single field outside a {@link FieldChecks}: refuses with 400 naming {@code field}. */
	public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field) {
		try {
			return parse(type, value);
		}
		catch (IllegalArgumentException invalid) {
			throw new InvalidInput(field, invalid.getMessage());
		}
	}
}
