package org.ketamineclinic.session.internal;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The one place a session touches drug lots. For now it checks and records the lot's text; when
 * the controlled-substance ledger arrives, this is where an administration draws on the lot's
 * balance (in the same transaction, so a dose and its ledger entry stand or fall together).
 */
@Component
class Lots {

	static final int MAX_LENGTH = 64;

	/** The lot as recorded on the administration; 400 when it is missing or too long. */
	String draw(@Nullable String lot) {
		if (lot == null || lot.isBlank()) {
			throw new InvalidInput("lot", "is required");
		}
		String text = lot.strip();
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInput("lot", "must be at most " + MAX_LENGTH + " characters");
		}
		return text;
	}
}
