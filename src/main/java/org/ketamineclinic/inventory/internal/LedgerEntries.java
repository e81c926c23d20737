package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.Accounts.Witness;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.Conflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inventory_entry table: appending signed entries and reading them back, always within the
 * caller's clinic. The only SQL that writes the ledger is the INSERT here.
 */
@Component
class LedgerEntries {

	static final String SELECT = """
			SELECT e.*, loc.name AS location_name, r.id AS reversed_by
			FROM inventory_entry e
			LEFT JOIN inventory_location loc ON loc.id = e.location_id
			LEFT JOIN inventory_entry r ON r.reverses_entry_id = e.id
			""";

	/** The optional columns of an entry, set by the use case that appends it. */
	static final class Extra {
		@Nullable UUID patientId;
		@Nullable UUID sessionId;
		@Nullable UUID dispensationId;
		@Nullable UUID transferId;
		@Nullable UUID reversesId;
		@Nullable EntryType reversesType;
		@Nullable UUID discrepancyId;
		@Nullable BigDecimal remainderMg;
		@Nullable String supplier;
		@Nullable String invoice;
		@Nullable String reason;
		@Nullable Witness witness;
		@Nullable String countKind;
		@Nullable Integer counted;
		@Nullable Integer expected;

		Extra patient(@Nullable UUID id) { patientId = id; return this; }
		Extra session(@Nullable UUID id) { sessionId = id; return this; }
		Extra dispensation(@Nullable UUID id) { dispensationId = id; return this; }
		Extra transfer(@Nullable UUID id) { transferId = id; return this; }
		Extra discrepancy(@Nullable UUID id) { discrepancyId = id; return this; }
		Extra remainder(@Nullable BigDecimal mg) { remainderMg = mg; return this; }
		Extra supplier(@Nullable String text) { supplier = text; return this; }
		Extra invoice(@Nullable String text) { invoice = text; return this; }
		Extra reason(@Nullable String text) { reason = text; return this; }
		Extra witness(Witness person) { witness = person; return this; }
		Extra reverses(UUID id, EntryType type) { reversesId = id; reversesType = type; return this; }
		Extra count(String kind, int countedQuantity, int expectedQuantity) {
			countKind = kind; counted = countedQuantity; expected = expectedQuantity; return this;
		}
	}

	record SessionTotals(BigDecimal dispensedMg, BigDecimal wastedMg, BigDecimal keptMg, @Nullable UUID patientId) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;

	LedgerEntries(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Appends one entry signed by the caller. The database moves the shelf's balance in the same
	 * statement; a balance that would go negative is a 409 with nothing stored.
	 */
	EntryView append(Ledger.NewEntry entry, Consumer<Extra> details) {
		Extra extra = new Extra();
		details.accept(extra);
		ClinicUser user = currentUser.get();
		UUID id = UUID.randomUUID();
		try {
			jdbc.update("""
					INSERT INTO inventory_entry (id, clinic_id, entry_type, reverses_type, reverses_entry_id, product, lot,
					  location_id, quantity_change, amount_mg_change, remainder_mg, dispensation_id, patient_id, session_id,
					  transfer_id, supplier, invoice, witness_user_id, witness_username, count_kind, counted_quantity,
					  expected_quantity, discrepancy_id, reason, recorded_by_user_id, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id,
					user.clinicId().value(), entry.type().name(), extra.reversesType == null ? null : extra.reversesType.name(),
					extra.reversesId, entry.product().name(), entry.lot(), entry.locationId(), entry.quantityChange(),
					entry.amountMgChange(), extra.remainderMg, extra.dispensationId, extra.patientId, extra.sessionId,
					extra.transferId, extra.supplier, extra.invoice, extra.witness == null ? null : extra.witness.userId(),
					extra.witness == null ? null : extra.witness.username(), extra.countKind, extra.counted, extra.expected,
					extra.discrepancyId, extra.reason, user.userId(), user.username(), Timestamp.from(clock.instant()));
		}
		catch (DataIntegrityViolationException refused) {
			if (Ledger.violates(refused, "inventory_balance_")) {
				throw new Conflict("Not enough stock: " + entry.product() + " lot " + entry.lot()
						+ " at this location would fall below zero (units or mg). Nothing was recorded.");
			}
			if (Ledger.violates(refused, "reverses_entry_id")) {
				throw new Conflict("This entry was reversed at the same time by someone else");
			}
			throw refused;
		}
		return find(id).orElseThrow();
	}

	Optional<EntryView> find(UUID id) {
		return jdbc.query(SELECT + " WHERE e.clinic_id = ? AND e.id = ?", LedgerEntries::view, clinic(), id).stream().findFirst();
	}

	List<EntryView> ofTransfer(UUID transferId) {
		return jdbc.query(SELECT + " WHERE e.clinic_id = ? AND e.transfer_id = ? AND e.entry_type <> 'REVERSAL' ORDER BY e.seq",
				LedgerEntries::view, clinic(), transferId);
	}

	/** Newest first; each filter applies when given. */
	List<EntryView> list(@Nullable Product product, @Nullable String lot, @Nullable UUID locationId, @Nullable UUID patientId,
			@Nullable String type, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE e.clinic_id = ?");
		List<Object> args = new ArrayList<>(List.of(clinic()));
		if (product != null) {
			sql.append(" AND e.product = ?");
			args.add(product.name());
		}
		if (lot != null) {
			sql.append(" AND e.lot = ?");
			args.add(lot);
		}
		if (locationId != null) {
			sql.append(" AND e.location_id = ?");
			args.add(locationId);
		}
		if (patientId != null) {
			sql.append(" AND e.patient_id = ?");
			args.add(patientId);
		}
		if (type != null) {
			sql.append(" AND (e.entry_type = ? OR e.reverses_type = ?)");
			args.add(type);
			args.add(type);
		}
		sql.append(" ORDER BY e.seq DESC LIMIT ?");
		args.add(limit);
		return jdbc.query(sql.toString(), LedgerEntries::view, args.toArray());
	}

	boolean hasUnreversedRemainders(UUID dispensationId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM inventory_entry r WHERE r.clinic_id = ? AND r.dispensation_id = ?
				  AND r.entry_type IN ('WASTE', 'KEPT')
				  AND NOT EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = r.id))""", Boolean.class,
				clinic(), dispensationId));
	}

	/**
	 * Dispensations of a lot, newest first, with what their opened units still hold that no waste
	 * or kept remainder accounts for. Serialised per lot so two wastes cannot both claim the same
	 * milligrams.
	 */
	List<Ledger.Opened> openedDispensations(Product product, String lot, @Nullable UUID dispensationId,
			@Nullable UUID sessionId) {
		jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "inventory/" + clinic() + "/" + product + "/" + lot);
		StringBuilder sql = new StringBuilder("""
				SELECT d.id, d.location_id, d.patient_id, d.session_id,
				  -d.amount_mg_change - COALESCE((SELECT SUM(r.remainder_mg) FROM inventory_entry r
				     WHERE r.dispensation_id = d.id AND r.entry_type IN ('WASTE', 'KEPT')
				       AND NOT EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = r.id)), 0) AS remaining
				FROM inventory_entry d
				WHERE d.clinic_id = ? AND d.entry_type = 'DISPENSATION' AND d.product = ? AND d.lot = ?
				  AND NOT EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = d.id)""");
		List<Object> args = new ArrayList<>(List.of(clinic(), product.name(), lot));
		if (dispensationId != null) {
			sql.append(" AND d.id = ?");
			args.add(dispensationId);
		}
		if (sessionId != null) {
			sql.append(" AND d.session_id = ?");
			args.add(sessionId);
		}
		sql.append(" ORDER BY d.seq DESC");
		return jdbc.query(sql.toString(), (rs, row) -> new Ledger.Opened(rs.getObject("id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("session_id", UUID.class), rs.getBigDecimal("remaining")), args.toArray())
			.stream()
			.filter(opened -> opened.remainingMg().signum() > 0)
			.toList();
	}

	SessionTotals sessionTotals(UUID sessionId) {
		return jdbc.queryForObject("""
				SELECT
				  COALESCE(SUM(-amount_mg_change) FILTER (WHERE COALESCE(reverses_type, entry_type) = 'DISPENSATION'), 0),
				  COALESCE(SUM(CASE WHEN entry_type = 'REVERSAL' THEN -remainder_mg ELSE remainder_mg END)
				    FILTER (WHERE COALESCE(reverses_type, entry_type) = 'WASTE'), 0),
				  COALESCE(SUM(CASE WHEN entry_type = 'REVERSAL' THEN -remainder_mg ELSE remainder_mg END)
				    FILTER (WHERE COALESCE(reverses_type, entry_type) = 'KEPT'), 0),
				  (ARRAY_AGG(patient_id) FILTER (WHERE patient_id IS NOT NULL))[1]
				FROM inventory_entry WHERE clinic_id = ? AND session_id = ?""",
				(rs, row) -> new SessionTotals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
						rs.getObject(4, UUID.class)),
				clinic(), sessionId);
	}

	/** {@link #sessionTotals} of many sessions in one query; a session without entries is left out. */
	Map<UUID, SessionTotals> sessionTotals(Collection<UUID> sessionIds) {
		Map<UUID, SessionTotals> totals = new HashMap<>();
		if (sessionIds.isEmpty()) {
			return totals;
		}
		jdbc.query("""
				SELECT session_id,
				  COALESCE(SUM(-amount_mg_change) FILTER (WHERE COALESCE(reverses_type, entry_type) = 'DISPENSATION'), 0),
				  COALESCE(SUM(CASE WHEN entry_type = 'REVERSAL' THEN -remainder_mg ELSE remainder_mg END)
				    FILTER (WHERE COALESCE(reverses_type, entry_type) = 'WASTE'), 0),
				  COALESCE(SUM(CASE WHEN entry_type = 'REVERSAL' THEN -remainder_mg ELSE remainder_mg END)
				    FILTER (WHERE COALESCE(reverses_type, entry_type) = 'KEPT'), 0),
				  (ARRAY_AGG(patient_id) FILTER (WHERE patient_id IS NOT NULL))[1]
				FROM inventory_entry WHERE clinic_id = ? AND session_id = ANY(?) GROUP BY session_id""",
				rs -> {
					totals.put(rs.getObject(1, UUID.class), new SessionTotals(rs.getBigDecimal(2), rs.getBigDecimal(3),
							rs.getBigDecimal(4), rs.getObject(5, UUID.class)));
				}, clinic(), sessionIds.toArray(UUID[]::new));
		return totals;
	}

	/** Every line of one lot in order, for reconciliation. */
	List<Reconciliation.Line> lines(Product product, String lot) {
		return jdbc.query("""
				SELECT entry_type, reverses_type, quantity_change, amount_mg_change, remainder_mg, recorded_at, reason,
				  discrepancy_id
				FROM inventory_entry WHERE clinic_id = ? AND product = ? AND lot = ? ORDER BY seq""",
				(rs, row) -> new Reconciliation.Line(EntryType.valueOf(rs.getString(1)),
						rs.getString(2) == null ? null : EntryType.valueOf(rs.getString(2)), rs.getInt(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getObject(8, UUID.class)),
				clinic(), product.name(), lot);
	}

	private UUID clinic() {
		return currentUser.clinic().value();
	}

	static EntryView view(ResultSet rs, int row) throws SQLException {
		Integer counted = (Integer) rs.getObject("counted_quantity");
		Integer expected = (Integer) rs.getObject("expected_quantity");
		BigDecimal remainder = rs.getBigDecimal("remainder_mg");
		EntryType type = EntryType.valueOf(rs.getString("entry_type"));
		return new EntryView(rs.getObject("id", UUID.class), rs.getLong("seq"), type.name(), type.label(),
				rs.getString("reverses_type"), rs.getObject("reverses_entry_id", UUID.class),
				rs.getObject("reversed_by", UUID.class), rs.getString("product"), rs.getString("lot"),
				rs.getObject("location_id", UUID.class), rs.getString("location_name"), rs.getInt("quantity_change"),
				Mg.plain(rs.getBigDecimal("amount_mg_change")), remainder == null ? null : Mg.plain(remainder),
				rs.getObject("dispensation_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("session_id", UUID.class), rs.getObject("transfer_id", UUID.class), rs.getString("supplier"),
				rs.getString("invoice"), rs.getString("witness_username"), rs.getString("count_kind"), counted, expected,
				rs.getObject("discrepancy_id", UUID.class), rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
