package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts and what follows from them. A count records what was found on a shelf against the book;
 * a difference opens a discrepancy, which someone investigates (notes) and then closes with an
 * explanation, marking it reportable when it is a loss the regulator must hear about. Closing may
 * bring the book to the count by an ADJUSTMENT entry; the count itself never moves stock.
 */
@Service
@Transactional
class Discrepancies {

	static final String CLOSE = "hasAnyRole('ADMIN','PHYSICIAN')";

	enum CountKind {
		SCHEDULED, AD_HOC
	}

	enum Status {
		OPEN, INVESTIGATING, CLOSED
	}

	record CountRequest(@Nullable String product, @Nullable String lot, @Nullable Integer countedQuantity,
			@Nullable UUID locationId, @Nullable String kind, @Nullable String note) {
	}

	record CountView(EntryView entry, int expectedQuantity, int countedQuantity, int difference, @Nullable UUID discrepancyId) {
	}

	record NoteRequest(@Nullable String note) {
	}

	record CloseRequest(@Nullable String explanation, @Nullable Boolean reportable, @Nullable Boolean adjustBalance) {
	}

	record Note(String note, String writtenBy, Instant writtenAt) {
	}

	record DiscrepancyView(UUID id, UUID countEntryId, String product, String lot, UUID locationId, String locationName,
			int expectedQuantity, int countedQuantity, int difference, String status, Instant openedAt, String openedBy,
			@Nullable String explanation, boolean reportable, @Nullable UUID adjustmentEntryId, @Nullable Instant closedAt,
			@Nullable String closedBy, List<Note> notes) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Locations locations;
	private final LedgerEntries entries;
	private final Clock clock;

	Discrepancies(JdbcTemplate jdbc, CurrentUser currentUser, Locations locations, LedgerEntries entries, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.locations = locations;
		this.entries = entries;
		this.clock = clock;
	}

	@PreAuthorize(Ledger.STAFF)
	CountView count(CountRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> Ledger.lotCode(request.lot()));
		checks.require("countedQuantity", request.countedQuantity());
		checks.rule(request.countedQuantity() == null
				|| (request.countedQuantity() >= 0 && request.countedQuantity() <= Ledger.MAX_UNITS), "countedQuantity",
				"must be a whole number of units from 0 to " + Ledger.MAX_UNITS);
		CountKind kind = request.kind() == null || request.kind().isBlank() ? CountKind.AD_HOC
				: checks.check("kind", () -> Codes.parse(CountKind.class, request.kind().toUpperCase(Locale.ROOT)));
		String note = checks.check("note", () -> Ledger.text(request.note(), 1000, false));
		checks.throwIfAny();
		UUID clinic = currentUser.clinic().value();
		if (jdbc.queryForObject("SELECT COUNT(*) FROM inventory_lot WHERE clinic_id = ? AND product = ? AND lot = ?",
				Integer.class, clinic, product.name(), lot) == 0) {
			throw new NotFound("Lot", product + " " + lot);
		}
		UUID location = locations.resolve(request.locationId());
		// Hold the shelf still while the book is read, so the count compares against one moment.
		Integer onBook = jdbc.query("""
				SELECT quantity FROM inventory_balance WHERE clinic_id = ? AND product = ? AND lot = ? AND location_id = ?
				FOR UPDATE""", (rs, row) -> rs.getInt(1), clinic, product.name(), lot, location).stream().findFirst().orElse(0);
		int counted = request.countedQuantity();
		EntryView entry = entries.append(new Ledger.NewEntry(EntryType.COUNT, product, lot, location, 0, BigDecimal.ZERO),
				extra -> extra.count(kind.name(), counted, onBook).reason(note));
		UUID discrepancy = null;
		if (counted != onBook) {
			discrepancy = UUID.randomUUID();
			ClinicUser user = currentUser.get();
			jdbc.update("""
					INSERT INTO inventory_discrepancy (id, clinic_id, count_entry_id, product, lot, location_id,
					  expected_quantity, counted_quantity, status, opened_at, opened_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""", discrepancy, clinic, entry.id(), product.name(), lot,
					location, onBook, counted, Timestamp.from(clock.instant()), user.username());
		}
		return new CountView(entry, onBook, counted, counted - onBook, discrepancy);
	}

	@PreAuthorize(Ledger.STAFF)
	@Transactional(readOnly = true)
	List<DiscrepancyView> list(@Nullable String status) {
		Status only = null;
		if (status != null && !status.isBlank()) {
			FieldChecks checks = new FieldChecks();
			only = checks.check("status", () -> Codes.parse(Status.class, status.toUpperCase(Locale.ROOT)));
			checks.throwIfAny();
		}
		String filter = only == null ? "" : " AND d.status = '" + only.name() + "'";
		return jdbc.query(SELECT + " WHERE d.clinic_id = ?" + filter + " ORDER BY d.opened_at DESC", this::view,
				currentUser.clinic().value());
	}

	@PreAuthorize(Ledger.STAFF)
	@Transactional(readOnly = true)
	DiscrepancyView get(UUID id) {
		return jdbc.query(SELECT + " WHERE d.clinic_id = ? AND d.id = ?", this::view, currentUser.clinic().value(), id).stream()
			.findFirst().orElseThrow(() -> new NotFound("Discrepancy", id));
	}

	/** Records what the investigation found so far; the discrepancy is then under investigation. */
	@PreAuthorize(Ledger.STAFF)
	DiscrepancyView investigate(UUID id, NoteRequest request) {
		FieldChecks checks = new FieldChecks();
		String note = checks.check("note", () -> Ledger.text(request.note(), 2000, true));
		checks.throwIfAny();
		DiscrepancyView discrepancy = get(id);
		int moved = jdbc.update("UPDATE inventory_discrepancy SET status = 'INVESTIGATING' WHERE id = ? AND clinic_id = ? "
				+ "AND status <> 'CLOSED'", id, currentUser.clinic().value());
		if (moved != 1) {
			throw new Conflict("Discrepancy " + discrepancy.id() + " is closed: count again to open a new one");
		}
		jdbc.update("INSERT INTO inventory_discrepancy_note (discrepancy_id, note, written_by, written_at) VALUES (?, ?, ?, ?)",
				id, note, currentUser.get().username(), Timestamp.from(clock.instant()));
		return get(id);
	}

	/**
	 * Closes an investigated discrepancy with its explanation. With {@code adjustBalance} the book
	 * follows the count: an ADJUSTMENT entry of the counted difference, refused (409) if the shelf
	 * has since moved so far that the book would go negative.
	 */
	@PreAuthorize(CLOSE)
	DiscrepancyView close(UUID id, CloseRequest request) {
		FieldChecks checks = new FieldChecks();
		String explanation = checks.check("explanation", () -> Ledger.text(request.explanation(), 2000, true));
		checks.throwIfAny();
		DiscrepancyView discrepancy = get(id);
		if (Status.valueOf(discrepancy.status()) == Status.CLOSED) {
			throw new Conflict("Discrepancy " + id + " was already closed by " + discrepancy.closedBy());
		}
		if (Status.valueOf(discrepancy.status()) == Status.OPEN) {
			throw new Conflict("Record what the investigation found before closing the discrepancy");
		}
		UUID adjustment = null;
		if (!Boolean.FALSE.equals(request.adjustBalance())) {
			Product product = Product.valueOf(discrepancy.product());
			int units = discrepancy.difference();
			adjustment = entries.append(new Ledger.NewEntry(EntryType.ADJUSTMENT, product, discrepancy.lot(),
					discrepancy.locationId(), units, Ledger.mg(product, units)),
					extra -> extra.discrepancy(id).reason(explanation)).id();
		}
		ClinicUser user = currentUser.get();
		int closed = jdbc.update("""
				UPDATE inventory_discrepancy SET status = 'CLOSED', explanation = ?, reportable = ?, adjustment_entry_id = ?,
				  closed_at = ?, closed_by = ?
				WHERE id = ? AND clinic_id = ? AND status = 'INVESTIGATING'""", explanation,
				Boolean.TRUE.equals(request.reportable()), adjustment, Timestamp.from(clock.instant()), user.username(), id,
				user.clinicId().value());
		if (closed != 1) {
			throw new Conflict("Discrepancy " + id + " was closed at the same time by someone else");
		}
		return get(id);
	}

	/** Discrepancies of a lot not yet closed, for reconciliation. */
	List<Reconciliation.OpenDiscrepancy> openFor(Product product, String lot) {
		return jdbc.query("""
				SELECT id, opened_at, expected_quantity, counted_quantity, status FROM inventory_discrepancy
				WHERE clinic_id = ? AND product = ? AND lot = ? AND status <> 'CLOSED' ORDER BY opened_at""",
				(rs, row) -> new Reconciliation.OpenDiscrepancy(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
						rs.getInt(3), rs.getInt(4), rs.getString(5)),
				currentUser.clinic().value(), product.name(), lot);
	}

	private static final String SELECT = """
			SELECT d.*, loc.name AS location_name FROM inventory_discrepancy d
			JOIN inventory_location loc ON loc.id = d.location_id""";

	private DiscrepancyView view(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Timestamp closedAt = rs.getTimestamp("closed_at");
		int expected = rs.getInt("expected_quantity");
		int counted = rs.getInt("counted_quantity");
		List<Note> notes = jdbc.query("SELECT note, written_by, written_at FROM inventory_discrepancy_note "
				+ "WHERE discrepancy_id = ? ORDER BY seq", (n, i) -> new Note(n.getString(1), n.getString(2),
						n.getTimestamp(3).toInstant()), id);
		return new DiscrepancyView(id, rs.getObject("count_entry_id", UUID.class), rs.getString("product"), rs.getString("lot"),
				rs.getObject("location_id", UUID.class), rs.getString("location_name"), expected, counted, counted - expected,
				rs.getString("status"), rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
				rs.getString("explanation"), rs.getBoolean("reportable"), rs.getObject("adjustment_entry_id", UUID.class),
				closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_by"), notes);
	}
}
