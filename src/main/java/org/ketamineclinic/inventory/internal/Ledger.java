package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.Accounts.Witness;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.inventory.ControlledSubstances;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the controlled-substance ledger. Each method appends entries signed by the signed-in
 * user; the database moves the balances in the same transaction and refuses a negative one, which
 * this class turns into 409. Nothing here updates or deletes an entry: a mistake is corrected by
 * {@link #reverse}.
 */
@Service
@Transactional
class Ledger implements ControlledSubstances {

	static final String STAFF = "hasAnyRole('ADMIN','PHYSICIAN','NURSE')";
	static final String CLINICAL = "hasAnyRole('PHYSICIAN','NURSE')";
	/** Whether a session's opened vial is accounted for is part of the discharge readiness the chair board shows the front desk. */
	static final String CHAIR_BOARD = "hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')";
	static final String DISPENSATION = "ControlledSubstanceDispensation";
	static final String REMAINDER = "ControlledSubstanceRemainder";
	static final int MAX_UNITS = 10_000;
	static final BigDecimal MAX_MG = new BigDecimal("1000000");

	record ReceiptRequest(@Nullable String product, @Nullable String lot, @Nullable String expiry, @Nullable Integer quantity,
			@Nullable String supplier, @Nullable String invoice, @Nullable UUID locationId) {
	}

	record DispensationRequest(@Nullable String product, @Nullable String lot, @Nullable Integer quantity,
			@Nullable UUID sessionId, @Nullable UUID patientId, @Nullable UUID locationId, @Nullable BigDecimal amountMg) {
	}

	record WasteRequest(@Nullable String product, @Nullable String lot, @Nullable BigDecimal amountMg,
			@Nullable String witnessUsername, @Nullable String witnessPassword, @Nullable UUID sessionId,
			@Nullable UUID dispensationId) {
	}

	record KeptRequest(@Nullable String product, @Nullable String lot, @Nullable BigDecimal amountMg,
			@Nullable UUID sessionId, @Nullable UUID dispensationId, @Nullable UUID locationId) {
	}

	record TransferRequest(@Nullable String product, @Nullable String lot, @Nullable Integer quantity,
			@Nullable UUID fromLocationId, @Nullable UUID toLocationId, @Nullable BigDecimal amountMg) {
	}

	record ReturnRequest(@Nullable String product, @Nullable String lot, @Nullable Integer quantity, @Nullable String supplier,
			@Nullable String reason, @Nullable UUID locationId) {
	}

	record DestructionRequest(@Nullable String product, @Nullable String lot, @Nullable Integer quantity,
			@Nullable String reason, @Nullable String witnessUsername, @Nullable String witnessPassword,
			@Nullable UUID locationId) {
	}

	record ReversalRequest(@Nullable String reason) {
	}

	/** The columns of one entry; whatever an entry type does not use stays null. */
	record NewEntry(EntryType type, Product product, String lot, @Nullable UUID locationId, int quantityChange,
			BigDecimal amountMgChange) {

		NewEntry {
			amountMgChange = amountMgChange.setScale(3, java.math.RoundingMode.UNNECESSARY);
		}
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Accounts accounts;
	private final PatientRegistry patients;
	private final Locations locations;
	private final LedgerEntries entries;
	private final Clock clock;
	private final ClinicTimeZone zone;

	Ledger(JdbcTemplate jdbc, CurrentUser currentUser, AuditTrail audit, Accounts accounts, PatientRegistry patients,
			Locations locations, LedgerEntries entries, Clock clock, ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.accounts = accounts;
		this.patients = patients;
		this.locations = locations;
		this.entries = entries;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize(STAFF)
	EntryView receive(ReceiptRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		Integer quantity = checks.check("quantity", () -> units(request.quantity()));
		LocalDate expiry = checks.check("expiry", () -> date(request.expiry()));
		String supplier = checks.check("supplier", () -> text(request.supplier(), 200, true));
		String invoice = checks.check("invoice", () -> text(request.invoice(), 100, true));
		checks.rule(expiry == null || !expiry.isBefore(today()), "expiry", "is already past: expired stock is not received");
		checks.throwIfAny();
		UUID location = locations.resolve(request.locationId());
		LocalDate known = lotExpiry(product, lot).orElse(null);
		if (known == null) {
			ClinicUser user = currentUser.get();
			jdbc.update("""
					INSERT INTO inventory_lot (id, clinic_id, product, lot, expiry, created_at, created_by)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clinic_id, product, lot) DO NOTHING""", UUID.randomUUID(),
					user.clinicId().value(), product.name(), lot, expiry, Timestamp.from(clock.instant()), user.username());
			known = lotExpiry(product, lot).orElseThrow();
		}
		if (!known.equals(expiry)) {
			throw new InvalidInput("expiry", "lot " + lot + " of " + product + " was received before with expiry " + known);
		}
		return entries.append(new NewEntry(EntryType.RECEIPT, product, lot, location, quantity, mg(product, quantity)),
				extra -> extra.supplier(supplier).invoice(invoice));
	}

	@PreAuthorize(CLINICAL)
	EntryView dispense(DispensationRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		Integer quantity = checks.check("quantity", () -> units(request.quantity()));
		BigDecimal amount = request.amountMg() == null ? null : checks.check("amountMg", () -> milligrams(request.amountMg()));
		checks.rule(request.sessionId() != null || request.patientId() != null, "patientId",
				"name the patient (patientId) or the session (sessionId) the units are dispensed for");
		checks.rule(amount == null || product == null || quantity == null
				|| amount.compareTo(product.mgPerUnit().multiply(BigDecimal.valueOf(quantity))) <= 0, "amountMg",
				"is more than the units dispensed can hold");
		checks.throwIfAny();
		if (product.esketamine() && request.sessionId() != null && quantity > 3) {
			// The label's largest dose is 84 mg: three devices, all given in the clinic.
			throw new InvalidInput("quantity", "an esketamine session uses at most 3 devices (84 mg)");
		}
		if (request.patientId() != null) {
			patients.find(request.patientId()).filter(p -> !p.voided())
				.orElseThrow(() -> new NotFound("Patient", request.patientId()));
		}
		UUID location = locations.resolve(request.locationId());
		refuseExpired(product, lot);
		BigDecimal taken = amount != null ? amount : mg(product, quantity);
		EntryView entry = entries.append(new NewEntry(EntryType.DISPENSATION, product, lot, location, -quantity, taken.negate()),
				extra -> extra.patient(request.patientId()).session(request.sessionId()));
		if (request.patientId() != null) {
			audit.changed(request.patientId(), DISPENSATION, entry.id(), AuditAction.CREATE);
		}
		return entry;
	}

	/**
	 * Destroys the unused part of an opened unit. The witness confirms on the spot with their own
	 * password; the remainder is accounted against a dispensation of the same lot: the one named,
	 * else the latest of the session, else the clinic's latest with an unaccounted remainder.
	 */
	@PreAuthorize(CLINICAL)
	EntryView waste(WasteRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		BigDecimal amount = checks.check("amountMg", () -> milligrams(request.amountMg()));
		checks.require("witnessUsername", request.witnessUsername()).require("witnessPassword", request.witnessPassword());
		checks.throwIfAny();
		Witness witness = witness(request.witnessUsername(), request.witnessPassword());
		Opened opened = openedDispensation(product, lot, request.dispensationId(), request.sessionId(), amount);
		EntryView entry = entries.append(new NewEntry(EntryType.WASTE, product, lot, opened.locationId(), 0, BigDecimal.ZERO),
				extra -> extra.remainder(amount).dispensation(opened.id()).patient(opened.patientId())
					.session(opened.sessionId()).witness(witness));
		if (opened.patientId() != null) {
			audit.changed(opened.patientId(), REMAINDER, entry.id(), AuditAction.CREATE);
		}
		return entry;
	}

	/** Puts the unused part of an opened unit back on the shelf as one opened unit. */
	@PreAuthorize(CLINICAL)
	EntryView keep(KeptRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		BigDecimal amount = checks.check("amountMg", () -> milligrams(request.amountMg()));
		checks.rule(product == null || amount == null || amount.compareTo(product.mgPerUnit()) < 0, "amountMg",
				"a kept remainder is less than one full " + (product == null ? "unit" : product.unit()));
		checks.throwIfAny();
		if (product.esketamine()) {
			throw new InvalidInput("product", "an esketamine device is single-use and never kept");
		}
		Opened opened = openedDispensation(product, lot, request.dispensationId(), request.sessionId(), amount);
		UUID location = request.locationId() == null ? opened.locationId() : locations.resolve(request.locationId());
		EntryView entry = entries.append(new NewEntry(EntryType.KEPT, product, lot, location, 1, amount),
				extra -> extra.remainder(amount).dispensation(opened.id()).patient(opened.patientId())
					.session(opened.sessionId()));
		if (opened.patientId() != null) {
			audit.changed(opened.patientId(), REMAINDER, entry.id(), AuditAction.CREATE);
		}
		return entry;
	}

	@PreAuthorize(STAFF)
	List<EntryView> transfer(TransferRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		Integer quantity = checks.check("quantity", () -> units(request.quantity()));
		BigDecimal amount = request.amountMg() == null ? null : checks.check("amountMg", () -> milligrams(request.amountMg()));
		checks.require("toLocationId", request.toLocationId());
		checks.throwIfAny();
		UUID from = locations.resolve(request.fromLocationId());
		UUID to = locations.resolve(request.toLocationId());
		if (from.equals(to)) {
			throw new InvalidInput("toLocationId", "is the location the stock is taken from");
		}
		knownLot(product, lot);
		BigDecimal moved = amount != null ? amount : mg(product, quantity);
		UUID transfer = UUID.randomUUID();
		NewEntry out = new NewEntry(EntryType.TRANSFER_OUT, product, lot, from, -quantity, moved.negate());
		NewEntry in = new NewEntry(EntryType.TRANSFER_IN, product, lot, to, quantity, moved);
		// Both shelves are locked; in location order, so two opposite transfers cannot deadlock.
		boolean outFirst = from.compareTo(to) < 0;
		EntryView first = entries.append(outFirst ? out : in, extra -> extra.transfer(transfer));
		EntryView second = entries.append(outFirst ? in : out, extra -> extra.transfer(transfer));
		return outFirst ? List.of(first, second) : List.of(second, first);
	}

	@PreAuthorize(STAFF)
	EntryView returnToSupplier(ReturnRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		Integer quantity = checks.check("quantity", () -> units(request.quantity()));
		String supplier = checks.check("supplier", () -> text(request.supplier(), 200, true));
		String reason = checks.check("reason", () -> text(request.reason(), 1000, true));
		checks.throwIfAny();
		UUID location = locations.resolve(request.locationId());
		knownLot(product, lot);
		return entries.append(new NewEntry(EntryType.RETURN, product, lot, location, -quantity, mg(product, quantity).negate()),
				extra -> extra.supplier(supplier).reason(reason));
	}

	@PreAuthorize(STAFF)
	EntryView destroy(DestructionRequest request) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, request.product()));
		String lot = checks.check("lot", () -> lotCode(request.lot()));
		Integer quantity = checks.check("quantity", () -> units(request.quantity()));
		String reason = checks.check("reason", () -> text(request.reason(), 1000, true));
		checks.require("witnessUsername", request.witnessUsername()).require("witnessPassword", request.witnessPassword());
		checks.throwIfAny();
		UUID location = locations.resolve(request.locationId());
		knownLot(product, lot);
		Witness witness = witness(request.witnessUsername(), request.witnessPassword());
		return entries.append(
				new NewEntry(EntryType.DESTRUCTION, product, lot, location, -quantity, mg(product, quantity).negate()),
				extra -> extra.reason(reason).witness(witness));
	}

	/**
	 * Appends the exact opposite of an entry, with a reason; a transfer is reversed on both
	 * shelves. A dispensation whose remainder was wasted or kept is reversed after those.
	 */
	@PreAuthorize(STAFF)
	List<EntryView> reverse(UUID entryId, ReversalRequest request) {
		FieldChecks checks = new FieldChecks();
		String reason = checks.check("reason", () -> text(request.reason(), 1000, true));
		checks.throwIfAny();
		EntryView original = entries.find(entryId).orElseThrow(() -> new NotFound("Ledger entry", entryId));
		EntryType type = EntryType.valueOf(original.type());
		if (!type.reversible()) {
			throw new Conflict("A " + type.label().toLowerCase() + " entry cannot be reversed"
					+ (type == EntryType.ADJUSTMENT ? ": it belongs to a closed discrepancy; count again instead" : ""));
		}
		if (original.reversedBy() != null) {
			throw new Conflict("This entry was already reversed by entry " + original.reversedBy());
		}
		if (type == EntryType.DISPENSATION && entries.hasUnreversedRemainders(entryId)) {
			throw new Conflict("Reverse the waste or kept remainder recorded against this dispensation first");
		}
		List<EntryView> targets = original.transferId() == null ? List.of(original) : entries.ofTransfer(original.transferId());
		List<EntryView> reversals = new java.util.ArrayList<>();
		for (EntryView target : targets.stream().sorted(java.util.Comparator.comparing(e -> String.valueOf(e.locationId())))
			.toList()) {
			Product product = Product.valueOf(target.product());
			EntryType reversed = EntryType.valueOf(target.type());
			reversals.add(entries.append(new NewEntry(EntryType.REVERSAL, product, target.lot(), target.locationId(),
					-target.quantityChange(), target.amountMgChange().negate()),
					extra -> extra.reverses(target.id(), reversed).reason(reason).remainder(target.remainderMg())
						.dispensation(target.dispensationId()).patient(target.patientId()).session(target.sessionId())
						.transfer(target.transferId())));
			if (target.patientId() != null) {
				audit.changed(target.patientId(), reversed == EntryType.DISPENSATION ? DISPENSATION : REMAINDER, target.id(),
						AuditAction.VOID);
			}
		}
		return reversals;
	}

	/** Entries newest first, optionally of one product, lot, location or type. */
	@PreAuthorize(STAFF)
	List<EntryView> entries(@Nullable String product, @Nullable String lot, @Nullable UUID locationId, @Nullable String type,
			int limit) {
		FieldChecks checks = new FieldChecks();
		Product only = product == null || product.isBlank() ? null : checks.check("product", () -> Codes.parse(Product.class, product));
		EntryType kind = type == null || type.isBlank() ? null : checks.check("type", () -> Codes.parse(EntryType.class, type));
		checks.rule(limit >= 1 && limit <= 1000, "limit", "must be from 1 to 1000");
		checks.throwIfAny();
		List<EntryView> found = entries.list(only, lot == null || lot.isBlank() ? null : lot.strip(), locationId, null,
				kind == null ? null : kind.name(), limit);
		found.stream().map(EntryView::patientId).filter(java.util.Objects::nonNull).distinct()
			.forEach(patient -> audit.read(patient, DISPENSATION, "ledger entries"));
		return found;
	}

	@Override
	@PreAuthorize(CLINICAL)
	@Transactional(readOnly = true)
	public List<LotInStock> lotsInStock(Product product) {
		return jdbc.query("""
				SELECT b.product, b.lot, l.expiry, b.location_id, loc.name, b.quantity, b.amount_mg
				FROM inventory_balance b
				JOIN inventory_lot l ON l.clinic_id = b.clinic_id AND l.product = b.product AND l.lot = b.lot
				JOIN inventory_location loc ON loc.id = b.location_id
				WHERE b.clinic_id = ? AND b.product = ? AND b.quantity > 0 AND l.expiry >= ?
				ORDER BY l.expiry, b.lot, loc.name""",
				(rs, row) -> new LotInStock(Product.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), Mg.plain(rs.getBigDecimal(7))),
				currentUser.clinic().value(), product.name(), today());
	}

	@Override
	@PreAuthorize(CLINICAL)
	public UUID dispenseForSession(SessionDispensation dispensation) {
		return dispense(new DispensationRequest(dispensation.product().name(), dispensation.lot(), dispensation.quantity(),
				dispensation.sessionId(), dispensation.patientId(), dispensation.locationId(), null)).id();
	}

	@Override
	@PreAuthorize(CHAIR_BOARD)
	public Remainder remainder(UUID sessionId, BigDecimal administeredMg) {
		checkAdministered(administeredMg);
		return remainderOf(sessionId, administeredMg, entries.sessionTotals(sessionId));
	}

	@Override
	@PreAuthorize(CHAIR_BOARD)
	public Map<UUID, Remainder> remainders(Map<UUID, BigDecimal> administeredMg) {
		administeredMg.values().forEach(Ledger::checkAdministered);
		Map<UUID, LedgerEntries.SessionTotals> totals = entries.sessionTotals(administeredMg.keySet());
		Map<UUID, Remainder> remainders = new HashMap<>();
		administeredMg.forEach((sessionId, mg) -> remainders.put(sessionId,
				remainderOf(sessionId, mg, totals.getOrDefault(sessionId, NO_ENTRIES))));
		return remainders;
	}

	private static final LedgerEntries.SessionTotals NO_ENTRIES = new LedgerEntries.SessionTotals(BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.ZERO, null);

	private static void checkAdministered(BigDecimal administeredMg) {
		if (administeredMg.signum() < 0) {
			throw new InvalidInput("administeredMg", "must not be negative");
		}
	}

	/** The session's remainder from its ledger totals; the read is audited for the patient the entries name. */
	private Remainder remainderOf(UUID sessionId, BigDecimal administeredMg, LedgerEntries.SessionTotals totals) {
		BigDecimal outstanding = totals.dispensedMg().subtract(administeredMg).subtract(totals.wastedMg())
			.subtract(totals.keptMg());
		RemainderState state = totals.dispensedMg().signum() == 0 && administeredMg.signum() == 0
				? RemainderState.NOTHING_DISPENSED
				: outstanding.signum() > 0 ? RemainderState.OUTSTANDING
				: outstanding.signum() == 0 ? RemainderState.ACCOUNTED : RemainderState.OVER_ACCOUNTED;
		if (totals.patientId() != null) {
			audit.read(totals.patientId(), REMAINDER, sessionId);
		}
		return new Remainder(sessionId, state, Mg.plain(totals.dispensedMg()), Mg.plain(administeredMg),
				Mg.plain(totals.wastedMg()), Mg.plain(totals.keptMg()), Mg.plain(outstanding));
	}

	/** A dispensation whose opened units still hold at least {@code amount} not yet wasted or kept. */
	private Opened openedDispensation(Product product, String lot, @Nullable UUID dispensationId, @Nullable UUID sessionId,
			BigDecimal amount) {
		List<Opened> candidates = entries.openedDispensations(product, lot, dispensationId, sessionId);
		if (candidates.isEmpty()) {
			throw dispensationId != null ? new NotFound("Dispensation", dispensationId)
					: new Conflict("No unit of lot " + lot + " of " + product + " was dispensed"
							+ (sessionId != null ? " for this session" : "") + " with a remainder left to account for");
		}
		return candidates.stream().filter(c -> c.remainingMg().compareTo(amount) >= 0).findFirst()
			.orElseThrow(() -> new Conflict("Only " + Mg.plain(candidates.get(0).remainingMg())
					+ " mg of the opened unit is left to account for; " + Mg.plain(amount) + " mg is more"));
	}

	record Opened(UUID id, @Nullable UUID locationId, @Nullable UUID patientId, @Nullable UUID sessionId,
			BigDecimal remainingMg) {
	}

	private Witness witness(String username, String password) {
		ClinicUser actor = currentUser.get();
		if (username.strip().equalsIgnoreCase(actor.username())) {
			throw new InvalidInput("witnessUsername", "the witness must be a second person, not the one recording");
		}
		Witness witness = accounts.verifyWitness(actor.clinicId(), username, password)
			.orElseThrow(() -> new InvalidInput("witnessPassword",
					"the witness's username or password is wrong, or the account cannot witness (locked or disabled)"));
		if (witness.userId().equals(actor.userId())) {
			throw new InvalidInput("witnessUsername", "the witness must be a second person, not the one recording");
		}
		if (witness.role() != Role.PHYSICIAN && witness.role() != Role.NURSE && witness.role() != Role.ADMIN) {
			throw new InvalidInput("witnessUsername", "a witness is a physician, nurse or administrator of the clinic");
		}
		return witness;
	}

	private void refuseExpired(Product product, String lot) {
		LocalDate expiry = knownLot(product, lot);
		if (expiry.isBefore(today())) {
			throw new Conflict("Lot " + lot + " of " + product + " expired on " + expiry + " and cannot be dispensed");
		}
	}

	/** The lot's expiry; a lot never received has no stock anywhere, which is a balance conflict. */
	private LocalDate knownLot(Product product, String lot) {
		return lotExpiry(product, lot)
			.orElseThrow(() -> new Conflict("No stock of lot " + lot + " of " + product + ": it was never received"));
	}

	private Optional<LocalDate> lotExpiry(Product product, String lot) {
		return jdbc.query("SELECT expiry FROM inventory_lot WHERE clinic_id = ? AND product = ? AND lot = ?",
				(rs, row) -> rs.getObject(1, LocalDate.class), currentUser.clinic().value(), product.name(), lot).stream()
			.findFirst();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	static BigDecimal mg(Product product, int units) {
		return product.mgPerUnit().multiply(BigDecimal.valueOf(units));
	}

	static String lotCode(@Nullable String lot) {
		if (lot == null || lot.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		String code = lot.strip();
		if (!code.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,59}")) {
			throw new IllegalArgumentException("use 1 to 60 letters, digits, dots, dashes, slashes or underscores");
		}
		return code;
	}

	static int units(@Nullable Integer quantity) {
		if (quantity == null) {
			throw new IllegalArgumentException("is required");
		}
		if (quantity < 1 || quantity > MAX_UNITS) {
			throw new IllegalArgumentException("must be a whole number of units from 1 to " + MAX_UNITS);
		}
		return quantity;
	}

	static BigDecimal milligrams(@Nullable BigDecimal amount) {
		if (amount == null) {
			throw new IllegalArgumentException("is required");
		}
		if (amount.signum() <= 0 || amount.compareTo(MAX_MG) > 0) {
			throw new IllegalArgumentException("must be more than 0 and at most " + MAX_MG + " mg");
		}
		if (amount.stripTrailingZeros().scale() > 3) {
			throw new IllegalArgumentException("has more than 3 decimals");
		}
		return amount;
	}

	static @Nullable String text(@Nullable String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new IllegalArgumentException("is required");
			}
			return null;
		}
		if (value.strip().length() > max) {
			throw new IllegalArgumentException("must be at most " + max + " characters");
		}
		return value.strip();
	}

	static LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("is required");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("must be an ISO-8601 date such as 2027-06-30");
		}
	}

	static boolean violates(DataIntegrityViolationException e, String constraint) {
		return String.valueOf(e.getMostSpecificCause().getMessage()).contains(constraint);
	}
}
