package org.ketamineclinic.inventory.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.inventory.Product;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controlled-substance ledger (the inventory bullet of api-contract.md). Reports answer JSON,
 * or CSV or PDF when the Accept header or {@code format} asks for it.
 */
@RestController
class InventoryApi {

	record ProductView(String code, String label, String unit, java.math.@Nullable BigDecimal mgPerMl,
			java.math.@Nullable BigDecimal volumeMl, java.math.BigDecimal mgPerUnit) {
	}

	private final Ledger ledger;
	private final Locations locations;
	private final Discrepancies discrepancies;
	private final Reports reports;
	private final LedgerEntries entries;

	InventoryApi(Ledger ledger, Locations locations, Discrepancies discrepancies, Reports reports, LedgerEntries entries) {
		this.ledger = ledger;
		this.locations = locations;
		this.discrepancies = discrepancies;
		this.reports = reports;
		this.entries = entries;
	}

	@GetMapping("/api/v1/inventory/products")
	List<ProductView> products() {
		return java.util.Arrays.stream(Product.values()).map(p -> new ProductView(p.name(), p.label(), p.unit(),
				p.mgPerMl(), p.volumeMl(), Mg.plain(p.mgPerUnit()))).toList();
	}

	@GetMapping("/api/v1/inventory/locations")
	List<Locations.LocationView> locations() {
		return locations.list();
	}

	@PostMapping("/api/v1/inventory/locations")
	ResponseEntity<Locations.LocationView> createLocation(@RequestBody Locations.NewLocation body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(locations.create(body));
	}

	@PostMapping("/api/v1/inventory/receipts")
	ResponseEntity<EntryView> receive(@RequestBody Ledger.ReceiptRequest body) {
		return created(ledger.receive(body));
	}

	@PostMapping("/api/v1/inventory/dispensations")
	ResponseEntity<EntryView> dispense(@RequestBody Ledger.DispensationRequest body) {
		return created(ledger.dispense(body));
	}

	@PostMapping("/api/v1/inventory/wastes")
	ResponseEntity<EntryView> waste(@RequestBody Ledger.WasteRequest body) {
		return created(ledger.waste(body));
	}

	@PostMapping("/api/v1/inventory/kept-remainders")
	ResponseEntity<EntryView> keep(@RequestBody Ledger.KeptRequest body) {
		return created(ledger.keep(body));
	}

	@PostMapping("/api/v1/inventory/transfers")
	ResponseEntity<List<EntryView>> transfer(@RequestBody Ledger.TransferRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(ledger.transfer(body));
	}

	@PostMapping("/api/v1/inventory/returns")
	ResponseEntity<EntryView> returnToSupplier(@RequestBody Ledger.ReturnRequest body) {
		return created(ledger.returnToSupplier(body));
	}

	@PostMapping("/api/v1/inventory/destructions")
	ResponseEntity<EntryView> destroy(@RequestBody Ledger.DestructionRequest body) {
		return created(ledger.destroy(body));
	}

	@PostMapping("/api/v1/inventory/counts")
	ResponseEntity<Discrepancies.CountView> count(@RequestBody Discrepancies.CountRequest body) {
		Discrepancies.CountView count = discrepancies.count(body);
		return ResponseEntity.created(URI.create("/api/v1/inventory/entries/" + count.entry().id())).body(count);
	}

	@PostMapping("/api/v1/inventory/entries/{id}/reversal")
	ResponseEntity<List<EntryView>> reverse(@PathVariable UUID id, @RequestBody Ledger.ReversalRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(ledger.reverse(id, body));
	}

	@GetMapping("/api/v1/inventory/entries")
	List<EntryView> entries(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String lot, @RequestParam(required = false) @Nullable UUID locationId,
			@RequestParam(required = false) @Nullable String type, @RequestParam(defaultValue = "200") int limit) {
		return ledger.entries(product, lot, locationId, type, limit);
	}

	@GetMapping("/api/v1/inventory/balances")
	List<Reports.BalanceView> balances() {
		return reports.balances();
	}

	@GetMapping("/api/v1/inventory/discrepancies")
	List<Discrepancies.DiscrepancyView> discrepancies(@RequestParam(required = false) @Nullable String status) {
		return discrepancies.list(status);
	}

	@GetMapping("/api/v1/inventory/discrepancies/{id}")
	Discrepancies.DiscrepancyView discrepancy(@PathVariable UUID id) {
		return discrepancies.get(id);
	}

	@PostMapping("/api/v1/inventory/discrepancies/{id}/investigation")
	Discrepancies.DiscrepancyView investigate(@PathVariable UUID id, @RequestBody Discrepancies.NoteRequest body) {
		return discrepancies.investigate(id, body);
	}

	@PostMapping("/api/v1/inventory/discrepancies/{id}/close")
	Discrepancies.DiscrepancyView close(@PathVariable UUID id, @RequestBody Discrepancies.CloseRequest body) {
		return discrepancies.close(id, body);
	}

	@GetMapping("/api/v1/inventory/reconciliation")
	ResponseEntity<?> reconciliation(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String lot, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		Reconciliation report = reports.reconciliation(product, lot, from, to);
		ExportFormat wanted = ExportFormat.of(format, accept);
		return wanted == ExportFormat.JSON ? ResponseEntity.ok(json(report))
				: download(reports.export(report, wanted == ExportFormat.PDF));
	}

	@GetMapping("/api/v1/inventory/dispensing-log")
	ResponseEntity<?> dispensingLog(@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable String product, @RequestParam(required = false) @Nullable String lot,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		List<Reports.LogLine> lines = patientId != null ? reports.patientLog(patientId) : reports.lotLog(product, lot);
		ExportFormat wanted = ExportFormat.of(format, accept);
		return wanted == ExportFormat.JSON ? ResponseEntity.ok(lines)
				: download(reports.export(lines, patientId, product, lot, wanted == ExportFormat.PDF));
	}

	/** The reconciliation with its derived lines spelled out for API clients. */
	static Map<String, Object> json(Reconciliation r) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("product", r.product().name());
		body.put("lot", r.lot());
		body.put("expiry", r.expiry());
		body.put("from", r.from());
		body.put("to", r.to());
		body.put("opening", r.opening());
		body.put("received", r.received());
		body.put("dispensed", r.dispensed());
		body.put("wasted", r.wasted());
		body.put("destroyed", r.destroyed());
		body.put("returned", r.returned());
		body.put("onHand", r.onHand());
		body.put("adjusted", r.adjusted());
		body.put("difference", r.difference());
		body.put("differences", r.differences());
		body.put("openDiscrepancies", r.openDiscrepancies());
		body.put("balanced", r.balanced());
		return body;
	}

	static ResponseEntity<byte[]> download(Reports.Export export) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.filename()).build().toString())
			.body(export.content());
	}

	private static ResponseEntity<EntryView> created(EntryView entry) {
		return ResponseEntity.created(URI.create("/api/v1/inventory/entries/" + entry.id())).body(entry);
	}

	enum ExportFormat {
		JSON, CSV, PDF;

		static ExportFormat of(@Nullable String format, @Nullable String accept) {
			String wanted = format != null ? format.toLowerCase() : accept == null ? "" : accept.toLowerCase();
			return wanted.contains("csv") ? CSV : wanted.contains("pdf") ? PDF : JSON;
		}
	}
}
