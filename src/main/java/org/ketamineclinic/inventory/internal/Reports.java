package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.PdfDocuments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the ledger shows: balances with expiry warnings, reconciliation, the dispensing log, and their exports. */
@Service
@Transactional
class Reports {

	/** A lot expiring within this many days is flagged on the balance overview. */
	static final int EXPIRY_WARNING_DAYS = 30;
	static final String LOG = "ControlledSubstanceDispensingLog";

	record BalanceView(String product, String productLabel, String lot, UUID locationId, String locationName, int quantity,
			BigDecimal amountMg, LocalDate expiry, long daysToExpiry, @Nullable String warning) {
	}

	record LogLine(UUID dispensationId, java.time.Instant recordedAt, String product, String lot, @Nullable String locationName,
			int quantity, BigDecimal amountMg, @Nullable UUID patientId, @Nullable UUID sessionId, BigDecimal wastedMg,
			BigDecimal keptMg, @Nullable String witnesses, String recordedBy, boolean reversed) {
	}

	/** A report as sections of rows, rendered to CSV or PDF alike. */
	record Table(String title, List<String> subtitle, List<Section> sections) {
	}

	record Section(String heading, List<String> headers, List<List<String>> rows) {
	}

	record Export(String filename, String contentType, byte[] content) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final LedgerEntries entries;
	private final Discrepancies discrepancies;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final PdfDocuments pdfs;
	private final Clock clock;
	private final ClinicTimeZone zone;

	Reports(JdbcTemplate jdbc, CurrentUser currentUser, LedgerEntries entries, Discrepancies discrepancies,
			PatientRegistry patients, AuditTrail audit, PdfDocuments pdfs, Clock clock, ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.entries = entries;
		this.discrepancies = discrepancies;
		this.patients = patients;
		this.audit = audit;
		this.pdfs = pdfs;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize(Ledger.STAFF)
	@Transactional(readOnly = true)
	List<BalanceView> balances() {
		LocalDate today = today();
		return jdbc.query("""
				SELECT b.product, b.lot, b.location_id, loc.name, b.quantity, b.amount_mg, l.expiry
				FROM inventory_balance b
				JOIN inventory_lot l ON l.clinic_id = b.clinic_id AND l.product = b.product AND l.lot = b.lot
				JOIN inventory_location loc ON loc.id = b.location_id
				WHERE b.clinic_id = ? ORDER BY b.product, l.expiry, b.lot, loc.name""", (rs, row) -> {
			Product product = Product.valueOf(rs.getString(1));
			LocalDate expiry = rs.getObject(7, LocalDate.class);
			long days = ChronoUnit.DAYS.between(today, expiry);
			String warning = days < 0 ? "EXPIRED" : days <= EXPIRY_WARNING_DAYS ? "EXPIRES_SOON" : null;
			return new BalanceView(product.name(), product.label(), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getInt(5), Mg.plain(rs.getBigDecimal(6)), expiry, days, warning);
		}, currentUser.clinic().value());
	}

	@PreAuthorize(Ledger.STAFF)
	@Transactional(readOnly = true)
	Reconciliation reconciliation(@Nullable String productCode, @Nullable String lotCode, @Nullable String fromDate,
			@Nullable String toDate) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, productCode));
		String lot = checks.check("lot", () -> Ledger.lotCode(lotCode));
		LocalDate from = fromDate == null || fromDate.isBlank() ? null : checks.check("from", () -> Ledger.date(fromDate));
		LocalDate to = toDate == null || toDate.isBlank() ? today() : checks.check("to", () -> Ledger.date(toDate));
		checks.rule(from == null || to == null || !to.isBefore(from), "to", "must not be before from");
		checks.throwIfAny();
		LocalDate expiry = jdbc.query("SELECT expiry FROM inventory_lot WHERE clinic_id = ? AND product = ? AND lot = ?",
				(rs, row) -> rs.getObject(1, LocalDate.class), currentUser.clinic().value(), product.name(), lot).stream()
			.findFirst().orElseThrow(() -> new NotFound("Lot", product + " " + lot));
		List<Reconciliation.Line> lines = entries.lines(product, lot);
		LocalDate start = from != null ? from
				: lines.isEmpty() ? to : lines.get(0).recordedAt().atZone(zone.zone()).toLocalDate();
		return Reconciliation.of(product, lot, expiry, start.isAfter(to) ? to : start, to, zone.zone(), lines,
				discrepancies.openFor(product, lot));
	}

	/** Dispensations for one patient (physicians and nurses: it is part of the patient's record). */
	@PreAuthorize(Ledger.CLINICAL)
	List<LogLine> patientLog(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		audit.read(patientId, LOG, patientId);
		return log("d.patient_id = ?", patientId);
	}

	/** Dispensations of one lot; every patient named in it is audited as read. */
	@PreAuthorize(Ledger.STAFF)
	List<LogLine> lotLog(@Nullable String productCode, @Nullable String lotCode) {
		FieldChecks checks = new FieldChecks();
		Product product = checks.check("product", () -> Codes.parse(Product.class, productCode));
		String lot = checks.check("lot", () -> Ledger.lotCode(lotCode));
		checks.throwIfAny();
		List<LogLine> lines = log("d.product = ? AND d.lot = ?", product.name(), lot);
		Set<UUID> named = new LinkedHashSet<>();
		lines.stream().map(LogLine::patientId).filter(java.util.Objects::nonNull).forEach(named::add);
		named.forEach(patient -> audit.read(patient, LOG, product + " " + lot));
		return lines;
	}

	private List<LogLine> log(String filter, Object... args) {
		List<Object> all = new ArrayList<>(List.of(currentUser.clinic().value()));
		all.addAll(List.of(args));
		return jdbc.query("""
				SELECT d.id, d.recorded_at, d.product, d.lot, loc.name, -d.quantity_change, -d.amount_mg_change, d.patient_id,
				  d.session_id, d.recorded_by,
				  EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = d.id) AS reversed,
				  COALESCE((SELECT SUM(r.remainder_mg) FROM inventory_entry r WHERE r.dispensation_id = d.id
				    AND r.entry_type = 'WASTE' AND NOT EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = r.id)), 0),
				  COALESCE((SELECT SUM(r.remainder_mg) FROM inventory_entry r WHERE r.dispensation_id = d.id
				    AND r.entry_type = 'KEPT' AND NOT EXISTS (SELECT 1 FROM inventory_entry v WHERE v.reverses_entry_id = r.id)), 0),
				  (SELECT STRING_AGG(DISTINCT r.witness_username, ', ') FROM inventory_entry r WHERE r.dispensation_id = d.id
				    AND r.entry_type = 'WASTE')
				FROM inventory_entry d LEFT JOIN inventory_location loc ON loc.id = d.location_id
				WHERE d.clinic_id = ? AND d.entry_type = 'DISPENSATION'""" + " AND " + filter + " ORDER BY d.seq DESC",
				(rs, row) -> new LogLine(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getInt(6), Mg.plain(rs.getBigDecimal(7)), rs.getObject(8, UUID.class),
						rs.getObject(9, UUID.class), Mg.plain(rs.getBigDecimal(12)), Mg.plain(rs.getBigDecimal(13)),
						rs.getString(14), rs.getString(10), rs.getBoolean(11)),
				all.toArray());
	}

	Table table(Reconciliation r) {
		List<List<String>> totals = new ArrayList<>();
		totals.add(row("Opening on hand", r.opening()));
		totals.add(row("Received", r.received()));
		totals.add(row("Dispensed (given)", r.dispensed()));
		totals.add(List.of("Wasted under witness", "", r.wasted().amountMg().toPlainString()));
		totals.add(row("Destroyed", r.destroyed()));
		totals.add(row("Returned", r.returned()));
		totals.add(row("On hand at end", r.onHand()));
		totals.add(row("Difference", r.difference()));
		List<List<String>> differences = r.differences().stream().map(d -> List.of(time(d.at()), String.valueOf(d.units()),
				d.mg().toPlainString(), d.explanation())).toList();
		List<List<String>> open = r.openDiscrepancies().stream().map(d -> List.of(time(d.openedAt()),
				String.valueOf(d.expectedQuantity()), String.valueOf(d.countedQuantity()), d.status())).toList();
		return new Table("Controlled-substance reconciliation", List.of(r.product().label() + " (" + r.product() + "), lot "
				+ r.lot() + ", expiry " + r.expiry(), "Period " + r.from() + " to " + r.to() + " (" + zone.zone() + ")",
				"Opening + received = dispensed + wasted + destroyed + returned + on hand"
						+ (r.balanced() ? ": balanced, every difference explained" : ": NOT balanced (see below)")),
				List.of(new Section("Totals", List.of("Line", "Units", "mg"), totals),
						new Section("Differences explained by count adjustments", List.of("When", "Units", "mg", "Explanation"),
								differences),
						new Section("Discrepancies still open (unexplained)", List.of("Opened", "Book units", "Counted units",
								"Status"), open)));
	}

	Table table(String title, List<LogLine> lines) {
		return new Table("Dispensing log", List.of(title), List.of(new Section("Dispensations", List.of("When", "Product", "Lot",
				"Location", "Units", "mg", "Patient", "Session", "Wasted mg", "Kept mg", "Witness", "Recorded by", "Reversed"),
				lines.stream().map(l -> List.of(time(l.recordedAt()), l.product(), l.lot(), nullable(l.locationName()),
						String.valueOf(l.quantity()), l.amountMg().toPlainString(), nullable(l.patientId()),
						nullable(l.sessionId()), l.wastedMg().toPlainString(), l.keptMg().toPlainString(),
						nullable(l.witnesses()), l.recordedBy(), l.reversed() ? "yes" : "")).toList())));
	}

	/** The reconciliation as a CSV or PDF file named after the lot and period. */
	Export export(Reconciliation report, boolean pdf) {
		String name = "reconciliation-" + report.product().name().toLowerCase() + "-" + report.lot() + "-" + report.from()
				+ "-" + report.to();
		return pdf ? pdf(table(report), name) : csv(table(report), name);
	}

	/** A dispensing log, of one patient or one lot, as a CSV or PDF file. */
	Export export(List<LogLine> lines, @Nullable UUID patientId, @Nullable String product, @Nullable String lot, boolean pdf) {
		String title = patientId != null ? "Patient " + patientId : "Product " + product + ", lot " + lot;
		String name = "dispensing-log-" + (patientId != null ? patientId.toString() : product + "-" + lot).toLowerCase();
		return pdf ? pdf(table(title, lines), name) : csv(table(title, lines), name);
	}

	Export csv(Table table, String name) {
		StringBuilder csv = new StringBuilder();
		csv.append(cell(table.title())).append("\r\n");
		table.subtitle().forEach(line -> csv.append(cell(line)).append("\r\n"));
		for (Section section : table.sections()) {
			csv.append("\r\n").append(cell(section.heading())).append("\r\n");
			csv.append(String.join(",", section.headers().stream().map(Reports::cell).toList())).append("\r\n");
			section.rows().forEach(row -> csv.append(String.join(",", row.stream().map(Reports::cell).toList())).append("\r\n"));
		}
		return new Export(name + ".csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	Export pdf(Table table, String name) {
		Map<String, Object> model = new HashMap<>();
		model.put("report", table);
		model.put("printedAt", time(clock.instant()));
		model.put("printedBy", currentUser.get().username());
		return new Export(name + ".pdf", "application/pdf", pdfs.render("pdf/inventory-report", model));
	}

	/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
	static String cell(String value) {
		String text = value;
		if (!text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0
				|| text.startsWith("-") && !text.matches("-\\d+(\\.\\d+)?")) {
			text = "'" + text;
		}
		boolean quote = text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static List<String> row(String label, Reconciliation.Amount amount) {
		return List.of(label, String.valueOf(amount.units()), amount.amountMg().toPlainString());
	}

	private String time(java.time.Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone.zone()).format(instant);
	}

	private static String nullable(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
