package org.ketamineclinic.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.ChainVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit table. Appends are serialised by a transaction-scoped advisory lock so
 * that each entry's previous hash is that of the entry committed just before it.
 */
@Repository
class AuditLog {

	/** Any fixed number: the key of the advisory lock that orders audit appends. */
	private static final long CHAIN_LOCK = 0x4155444954L;

	private final JdbcTemplate jdbc;
	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Draft(@Nullable UUID userId, @Nullable String username, @Nullable String role, @Nullable UUID clinicId,
			@Nullable UUID patientId, String resourceType, @Nullable String resourceId, String action, String outcome,
			@Nullable String clientAddress) {
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void append(Draft draft) {
		insert(draft);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void appendAlone(Draft draft) {
		insert(draft);
	}

	private void insert(Draft draft) {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, CHAIN_LOCK);
		List<String> last = jdbc.queryForList("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1", String.class);
		String previousHash = last.isEmpty() ? AuditEntry.GENESIS : last.get(0);
		Long seq = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('audit_entry', 'seq'))", Long.class);
		// Stored with microsecond precision; truncating first keeps the hash identical after a round trip.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry entry = new AuditEntry(seq, UUID.randomUUID(), now, draft.userId(), draft.username(), draft.role(),
				draft.clinicId(), draft.patientId(), draft.resourceType(), draft.resourceId(), draft.action(), draft.outcome(),
				draft.clientAddress(), previousHash);
		jdbc.update("""
				INSERT INTO audit_entry (seq, id, occurred_at, user_id, username, role, clinic_id, patient_id, resource_type,
				  resource_id, action, outcome, client_address, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				entry.seq(), entry.id(), Timestamp.from(entry.occurredAt()), entry.userId(), entry.username(), entry.role(),
				entry.clinicId(), entry.patientId(), entry.resourceType(), entry.resourceId(), entry.action(), entry.outcome(),
				entry.clientAddress(), entry.previousHash(), entry.computeHash());
	}

	/** Walks the whole chain in order, recomputing every hash and every link. */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		var state = new Object() {
			long checked;
			String expectedPrevious = AuditEntry.GENESIS;
			ChainVerification broken;
		};
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query("SELECT * FROM audit_entry ORDER BY seq", rs -> {
			if (state.broken != null) {
				return;
			}
			AuditEntry entry = map(rs);
			String stored = rs.getString("hash");
			state.checked++;
			if (!entry.previousHash().equals(state.expectedPrevious)) {
				state.broken = new ChainVerification(false, state.checked, entry.seq(), entry.id().toString(),
						"previous hash does not match the entry before it (an entry was removed or altered)");
			}
			else if (!entry.computeHash().equals(stored)) {
				state.broken = new ChainVerification(false, state.checked, entry.seq(), entry.id().toString(),
						"content does not match its hash (the entry was altered)");
			}
			state.expectedPrevious = stored;
		});
		return state.broken != null ? state.broken : new ChainVerification(true, state.checked, null, null, null);
	}

	record Found(long seq, Instant occurredAt, @Nullable String username, @Nullable String role, @Nullable UUID patientId,
			String resourceType, @Nullable String resourceId, String action, String outcome, @Nullable String clientAddress) {
	}

	@Transactional(readOnly = true)
	public List<Found> search(UUID clinicId, @Nullable UUID patientId, @Nullable String username, @Nullable Instant from,
			@Nullable Instant to, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE clinic_id = ?");
		List<Object> args = new ArrayList<>(List.of(clinicId));
		if (patientId != null) {
			sql.append(" AND patient_id = ?");
			args.add(patientId);
		}
		if (username != null && !username.isBlank()) {
			sql.append(" AND username = ?");
			args.add(username.strip());
		}
		if (from != null) {
			sql.append(" AND occurred_at >= ?");
			args.add(Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" AND occurred_at < ?");
			args.add(Timestamp.from(to));
		}
		sql.append(" ORDER BY seq DESC LIMIT ?");
		args.add(limit);
		return jdbc.query(sql.toString(), (rs, row) -> {
			AuditEntry entry = map(rs);
			return new Found(entry.seq(), entry.occurredAt(), entry.username(), entry.role(), entry.patientId(),
					entry.resourceType(), entry.resourceId(), entry.action(), entry.outcome(), entry.clientAddress());
		}, args.toArray());
	}

	private static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("role"),
				rs.getObject("clinic_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getString("resource_type"),
				rs.getString("resource_id"), rs.getString("action"), rs.getString("outcome"), rs.getString("client_address"),
				rs.getString("previous_hash"));
	}
}
