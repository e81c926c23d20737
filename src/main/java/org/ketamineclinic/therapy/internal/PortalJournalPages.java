package org.ketamineclinic.therapy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** The patient's journal in the portal, phone-sized: write, edit, delete, and share an entry or take the share back. */
@Controller
@RequestMapping("/portal/journal")
@PreAuthorize("hasRole('PATIENT')")
class PortalJournalPages {

	private final Journal journal;
	private final ClinicTimeZone zone;
	private final Clock clock;

	PortalJournalPages(Journal journal, ClinicTimeZone zone, Clock clock) {
		this.journal = journal;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		return show(model, List.of());
	}

	@PostMapping
	String write(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Integer mood,
			@RequestParam(required = false) @Nullable String shared, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(model, redirect, response, () -> {
			Journal.Entry entry = journal.write(new Journal.EntryForm(date, text, mood, shared != null));
			return entry.shared() ? "Saved and shared with your care team." : "Saved. Only you can see it.";
		});
	}

	@PostMapping("/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Integer mood, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(model, redirect, response, () -> {
			journal.edit(id, new Journal.EntryForm(date, text, mood, null));
			return "Entry changed.";
		});
	}

	@PostMapping("/{id}/share")
	String share(@PathVariable UUID id, @RequestParam boolean shared, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(model, redirect, response, () -> {
			journal.share(id, shared);
			return shared ? "Shared with your care team." : "No longer shared: your care team cannot see it.";
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(model, redirect, response, () -> {
			journal.delete(id);
			return "Entry deleted.";
		});
	}

	private String act(Model model, RedirectAttributes redirect, HttpServletResponse response, Supplier<String> step) {
		List<String> problems = new ArrayList<>();
		try {
			redirect.addFlashAttribute("notice", step.get());
			return "redirect:/portal/journal";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
		}
		return show(model, problems);
	}

	private String show(Model model, List<String> problems) {
		model.addAttribute("entries", journal.mine());
		model.addAttribute("today", LocalDate.now(clock.withZone(zone.zone())));
		model.addAttribute("problems", problems);
		return "therapy/journal";
	}
}
