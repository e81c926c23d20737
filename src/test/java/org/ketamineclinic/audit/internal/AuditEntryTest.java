package org.ketamineclinic.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

	static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
	static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-000000000002");

	static AuditEntry entry(String username, String previousHash, String resourceId) {
		return new AuditEntry(7, ID, Instant.parse("2026-11-20T10:00:00Z"), null, username, "NURSE", null, PATIENT, "Patient",
				resourceId, "READ", "SUCCESS", "127.0.0.1", previousHash);
	}

	@Test
	void hashIsSha256HexAndRepeatable() {
		String hash = entry("nurse", AuditEntry.GENESIS, "x").computeHash();
		assertThat(hash).hasSize(64).matches("[0-9a-f]+");
		assertThat(entry("nurse", AuditEntry.GENESIS, "x").computeHash()).isEqualTo(hash);
	}

	@Test
	void changingAnyFieldChangesTheHash() {
		String original = entry("nurse", AuditEntry.GENESIS, "x").computeHash();
		assertThat(entry("mallory", AuditEntry.GENESIS, "x").computeHash()).isNotEqualTo(original);
		assertThat(entry("nurse", "1".repeat(64), "x").computeHash()).isNotEqualTo(original);
		assertThat(entry("nurse", AuditEntry.GENESIS, "y").computeHash()).isNotEqualTo(original);
	}

	@Test
	void absentAndEmptyValuesHashDifferently() {
		assertThat(entry("nurse", AuditEntry.GENESIS, null).computeHash())
			.isNotEqualTo(entry("nurse", AuditEntry.GENESIS, "").computeHash());
	}
}
