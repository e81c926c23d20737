package org.ketamineclinic.assessment.scales;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of scoring: the total (null where the scale has none, such as the C-SSRS screener),
 * the severity band or risk level in upper snake case (MINIMAL, MODERATELY_SEVERE, HIGH, ...),
 * and flags such as SUICIDE_RISK.
 */
public record Score(@Nullable Integer total, @Nullable String severity, List<Flag> flags) {

	public record Flag(String code, String message) {
	}

	public boolean flagged(String code) {
		return flags.stream().anyMatch(flag -> flag.code().equals(code));
	}
}
