package org.ketamineclinic.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One audit record, exactly as hashed: any change to a stored field changes the hash. */
record AuditEntry(long seq, UUID id, Instant occurredAt, @Nullable UUID userId, @Nullable String username,
		@Nullable String role, @Nullable UUID clinicId, @Nullable UUID patientId, String resourceType,
		@Nullable String resourceId, String action, String outcome, @Nullable String clientAddress, String previousHash) {

	static final String GENESIS = "0".repeat(64);

	String computeHash() {
		String canonical = String.join("|", String.valueOf(seq), id.toString(), occurredAt.toString(), text(userId),
				text(username), text(role), text(clinicId), text(patientId), resourceType, text(resourceId), action, outcome,
				text(clientAddress), previousHash);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
		}
	}

	private static String text(@Nullable Object value) {
		// A visible marker for "absent", so that null and the empty string hash differently.
		return value == null ? "\u2205" : value.toString();
	}
}
