package org.ketamineclinic.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.Sha256;

/** One audit record, exactly as hashed: any change to a stored field changes the hash. */
record AuditEntry(long seq, UUID id, Instant occurredAt, @Nullable UUID userId, @Nullable String username,
		@Nullable String role, @Nullable UUID clinicId, @Nullable UUID patientId, String resourceType,
		@Nullable String resourceId, String action, String outcome, @Nullable String clientAddress, String previousHash) {

	static final String GENESIS = "0".repeat(64);

	String computeHash() {
		String canonical = String.join("|", String.valueOf(seq), id.toString(), occurredAt.toString(), text(userId),
				text(username), text(role), text(clinicId), text(patientId), resourceType, text(resourceId), action, outcome,
				text(clientAddress), previousHash);
		return Sha256.hex(canonical);

	}

	private static String text(@Nullable Object value) {
		// A visible marker for "absent", so that null and the empty string hash differently.
		return value == null ? "\u2205" : value.toString();
	}
}
