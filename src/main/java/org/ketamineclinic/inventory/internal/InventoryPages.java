package org.ketamineclinic.inventory.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger pages for administrators, physicians and nurses: balances with expiry warnings, the
 * entry forms, counts and discrepancies, reconciliation and the dispensing log. Each form posts,
 * then redirects back with what was recorded or why nothing was.
 */
@Controller
class InventoryPages {

	private final Ledger ledger;
	private final Locations locations;
	private final Discrepancies discrepancies;
	private final Reports reports;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	InventoryPages(Ledger ledger, Locations locations, Discrepancies discrepancies, Reports reports, CurrentUser currentUser,
			ClinicTimeZone zone) {
		this.ledger = ledger;
		this.locations = locations;
		this.discrepancies = discrepancies;
		this.reports = reports;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/inventory")
	String ledger(Model model) {
		List<Reports.BalanceView> balances = reports.balances();
		model.addAttribute("balances", balances.stream().filter(b -> b.quantity() > 0).toList());
		model.addAttribute("warnings", balances.stream().filter(b -> b.quantity() > 0 && b.warning() != null).count());
		model.addAttribute("locations", locations.list());
		model.addAttribute("products", Product.values());
		model.addAttribute("open", discrepancies.list(null).stream().filter(d -> !"CLOSED".equals(d.status())).toList());
		model.addAttribute("entries", ledger.entries(null, null, null, null, 50));
		model.addAttribute("clinical", currentUser.get().role() != Role.ADMIN);
		model.addAttribute("zone", zone.zone());
		return "inventory/ledger";
	}

	@PostMapping("/inventory/receipts")
	String receive(Ledger.ReceiptRequest form, RedirectAttributes redirect) {
		return record(redirect, () -> "Received " + ledger.receive(form).quantityChange() + " of lot " + form.lot() + ".");
	}

	@PostMapping("/inventory/dispensations")
	String dispense(Ledger.DispensationRequest form, RedirectAttributes redirect) {
		return record(redirect, () -> {
			EntryView entry = ledger.dispense(form);
			return "Dispensed " + -entry.quantityChange() + " of lot " + entry.lot() + " (entry " + entry.id() + ").";
		});
	}

	@PostMapping("/inventory/wastes")
	String waste(Ledger.WasteRequest form, RedirectAttributes redirect) {
		return record(redirect, () -> {
			EntryView entry = ledger.waste(form);
			return "Wasted " + entry.remainderMg() + " mg of lot " + entry.lot() + ", witnessed by " + entry.witness() + ".";
		});
	}

	@PostMapping("/inventory/counts")
	String count(Discrepancies.CountRequest form, RedirectAttributes redirect) {
		try {
			Discrepancies.CountView count = discrepancies.count(form);
			if (count.discrepancyId() != null) {
				redirect.addFlashAttribute("problem", "The count found " + count.countedQuantity() + " but the book says "
						+ count.expectedQuantity() + ": a discrepancy is open. Investigate it and close it with an explanation.");
				return "redirect:/inventory/discrepancies/" + count.discrepancyId();
			}
			redirect.addFlashAttribute("notice", "Count recorded: " + count.countedQuantity() + " matches the book.");
		}
		catch (InvalidInput | Conflict | NotFound refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:/inventory";
	}

	@PostMapping("/inventory/entries/{id}/reversal")
	String reverse(@PathVariable UUID id, Ledger.ReversalRequest form, RedirectAttributes redirect) {
		return record(redirect, () -> "Entry reversed: " + ledger.reverse(id, form).size() + " reversing entry(ies) added.");
	}

	@GetMapping("/inventory/discrepancies/{id}")
	String discrepancy(@PathVariable UUID id, Model model) {
		model.addAttribute("d", discrepancies.get(id));
		model.addAttribute("mayClose", currentUser.get().role() != Role.NURSE);
		model.addAttribute("zone", zone.zone());
		return "inventory/discrepancy";
	}

	@PostMapping("/inventory/discrepancies/{id}/investigation")
	String investigate(@PathVariable UUID id, Discrepancies.NoteRequest form, RedirectAttributes redirect) {
		try {
			discrepancies.investigate(id, form);
			redirect.addFlashAttribute("notice", "Investigation note recorded.");
		}
		catch (InvalidInput | Conflict refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:/inventory/discrepancies/" + id;
	}

	@PostMapping("/inventory/discrepancies/{id}/close")
	String close(@PathVariable UUID id, Discrepancies.CloseRequest form, RedirectAttributes redirect) {
		try {
			discrepancies.close(id, new Discrepancies.CloseRequest(form.explanation(), Boolean.TRUE.equals(form.reportable()),
					Boolean.TRUE.equals(form.adjustBalance())));
			redirect.addFlashAttribute("notice", "Discrepancy closed.");
		}
		catch (InvalidInput | Conflict refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:/inventory/discrepancies/" + id;
	}

	@GetMapping("/inventory/reconciliation")
	String reconciliation(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String lot, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		model.addAttribute("products", Product.values());
		model.addAttribute("product", product);
		model.addAttribute("lot", lot);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("zone", zone.zone());
		if (lot != null && !lot.isBlank()) {
			try {
				Reconciliation report = reports.reconciliation(product, lot, from, to);
				model.addAttribute("report", report);
				model.addAttribute("table", reports.table(report));
			}
			catch (InvalidInput | NotFound refused) {
				model.addAttribute("problem", message(refused));
			}
		}
		return "inventory/reconciliation";
	}

	@GetMapping("/inventory/reconciliation/export")
	ResponseEntity<byte[]> exportReconciliation(@RequestParam String format, @RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String lot, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return InventoryApi.download(reports.export(reports.reconciliation(product, lot, from, to), "pdf".equals(format)));
	}

	@GetMapping("/inventory/dispensing-log")
	String dispensingLog(@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable String product, @RequestParam(required = false) @Nullable String lot,
			Model model) {
		model.addAttribute("products", Product.values());
		model.addAttribute("patientId", patientId);
		model.addAttribute("product", product);
		model.addAttribute("lot", lot);
		model.addAttribute("zone", zone.zone());
		if (patientId != null || (lot != null && !lot.isBlank())) {
			try {
				model.addAttribute("lines", patientId != null ? reports.patientLog(patientId) : reports.lotLog(product, lot));
			}
			catch (InvalidInput | NotFound refused) {
				model.addAttribute("problem", message(refused));
			}
		}
		return "inventory/dispensing-log";
	}

	@GetMapping("/inventory/dispensing-log/export")
	ResponseEntity<byte[]> exportLog(@RequestParam String format, @RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable String product, @RequestParam(required = false) @Nullable String lot) {
		List<Reports.LogLine> lines = patientId != null ? reports.patientLog(patientId) : reports.lotLog(product, lot);
		return InventoryApi.download(reports.export(lines, patientId, product, lot, "pdf".equals(format)));
	}

	private static String record(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (InvalidInput | Conflict | NotFound refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:/inventory";
	}

	/** Why nothing was recorded, in the words the API uses. */
	static String message(RuntimeException refused) {
		if (refused instanceof InvalidInput invalid) {
			return "Not recorded: " + invalid.problems().stream().map(p -> p.field() + " " + p.message())
				.collect(Collectors.joining("; "));
		}
		return "Not recorded: " + refused.getMessage();
	}
}
