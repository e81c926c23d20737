package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit cannot be edited through the application's database rights, and an edit made behind
 * the database's back (a superuser switching the guard off) is found by the hash chain check.
 *
 * <p>The whole test suite shares one audit chain, so the tampered entry is put back and the chain
 * shown intact again before the test ends, whatever happens in between.
 */
class AuditTamperDetectionTest extends SecurityTest {

	private static final String GUARD = "audit_entry_no_update_or_delete";

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void updatesAndDeletesOfAuditEntriesAreRefusedByTheDatabase() {
		long seq = freshAuditEntry();

		assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET username = 'mallory' WHERE seq = ?", seq))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only: UPDATE is not allowed");
		assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only: DELETE is not allowed");
		assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only: TRUNCATE is not allowed");

		assertThat(jdbc.queryForObject("SELECT username FROM audit_entry WHERE seq = ?", String.class, seq)).isEqualTo("nurse");
	}

	@Test
	void anEntryAlteredWithTheGuardSwitchedOffBreaksTheChainExactlyThere() {
		JsonNode before = verify();
		assertThat(before.get("intact").asBoolean()).as("chain before tampering: %s", before).isTrue();
		long seq = freshAuditEntry();
		String original = jdbc.queryForObject("SELECT username FROM audit_entry WHERE seq = ?", String.class, seq);

		try {
			setUsernameBehindTheGuard(seq, "mallory");

			JsonNode tampered = verify();
			assertThat(tampered.get("intact").asBoolean()).isFalse();
			assertThat(tampered.get("firstBrokenSeq").asLong()).isEqualTo(seq);
			assertThat(tampered.get("problem").asString()).contains("altered");
		}
		finally {
			setUsernameBehindTheGuard(seq, original);
		}

		JsonNode restored = verify();
		assertThat(restored.get("intact").asBoolean()).as("chain after restoring: %s", restored).isTrue();
		assertThat(restored.get("firstBrokenSeq").isNull()).isTrue();
		assertThat(restored.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(before.get("entriesChecked").asLong());
	}

	/** Reads a fresh patient as the nurse and returns the sequence number of that read's audit entry. */
	private long freshAuditEntry() {
		UUID patient = fixtures.registerPatient();
		assertThat(fixtures.api.get(fixtures.token("nurse"), "/api/v1/patients/" + patient).status()).isEqualTo(200);
		return jdbc.queryForObject("SELECT seq FROM audit_entry WHERE patient_id = ? AND action = 'READ'", Long.class, patient);
	}

	/**
	 * What only a database superuser can do. One transaction, so that no other connection ever
	 * sees the table unguarded.
	 */
	private void setUsernameBehindTheGuard(long seq, String username) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER " + GUARD);
			int changed = jdbc.update("UPDATE audit_entry SET username = ? WHERE seq = ?", username, seq);
			jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER " + GUARD);
			assertThat(changed).isEqualTo(1);
		});
	}

	private JsonNode verify() {
		ApiClient.Response response = fixtures.api.get(fixtures.token("admin"), "/api/v1/audit/verify");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}
}
