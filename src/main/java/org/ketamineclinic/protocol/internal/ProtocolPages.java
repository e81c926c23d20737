package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.protocol.internal.ProtocolLibrary.BlockForm;
import org.ketamineclinic.protocol.internal.ProtocolLibrary.ProtocolForm;
import org.ketamineclinic.protocol.internal.ProtocolLibrary.ProtocolView;
import org.ketamineclinic.protocol.library.Frequency;
import org.ketamineclinic.protocol.library.Protocol;
import org.ketamineclinic.protocol.library.ScheduleBlock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The protocol library pages: every protocol with its schedule and source, copying a protocol
 * under the clinic's own code, and defining or editing a clinic protocol. The form covers one
 * induction block and one maintenance rhythm; protocols with more blocks are defined over the API.
 */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','ADMIN')")
class ProtocolPages {

	/** The edit form's fields as typed, kept when a save is refused. */
	record Fields(@Nullable String code, @Nullable String name, @Nullable String route, @Nullable String indication,
			@Nullable BigDecimal startDose, @Nullable String steps, @Nullable Integer infusionMinutes,
			@Nullable Integer inductionSessions, @Nullable Integer minDaysBetween, @Nullable Integer fastestDays,
			@Nullable Integer slowestDays, @Nullable String maintenanceFrequency, @Nullable Integer maintenanceSessions,
			@Nullable Integer stepUpAfter, @Nullable String source, @Nullable Long version) {

		static Fields of(Protocol p, long version) {
			ScheduleBlock first = p.induction().get(0);
			ScheduleBlock rhythm = p.maintenance().isEmpty() ? null : p.maintenance().get(p.maintenance().size() - 1);
			String frequency = rhythm == null ? "" : Arrays.stream(Frequency.values())
				.filter(f -> f.days() == rhythm.slowestDays() / rhythm.sessions()).map(Enum::name).findFirst().orElse("");
			return new Fields(p.code(), p.name(), p.route().name(), p.indication() == null ? null : p.indication().name(), p.startDose(),
					String.join(", ", p.titrationSteps().stream().map(s -> s.stripTrailingZeros().toPlainString()).toList()),
					p.infusionMinutes(), first.sessions(), first.minDaysBetween(), first.fastestDays(), first.slowestDays(), frequency,
					rhythm == null ? null : rhythm.sessions(), p.stepUpAfterToleratedSessions(), p.source(), version);
		}
	}

	private final ProtocolLibrary library;

	ProtocolPages(ProtocolLibrary library) {
		this.library = library;
	}

	@GetMapping("/protocols")
	String list(Model model) {
		model.addAttribute("protocols", library.list());
		return "protocols/list";
	}

	@GetMapping("/protocols/{code}")
	String detail(@PathVariable String code, Model model) {
		ProtocolView view = library.view(code);
		model.addAttribute("p", view);
		return "protocols/detail";
	}

	@PostMapping("/protocols/{code}/copy")
	String copy(@PathVariable String code, @RequestParam(required = false) @Nullable String newCode,
			@RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
		try {
			ProtocolView copy = library.copy(code, new ProtocolLibrary.CopyForm(newCode, name));
			redirect.addFlashAttribute("notice", "Copied as " + copy.protocol().code() + ": you can edit it now.");
			return "redirect:/protocols/" + copy.protocol().code();
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("problem", "Not copied: " + String.join("; ",
					invalid.problems().stream().map(p -> p.field() + " " + p.message()).toList()));
		}
		catch (Conflict conflict) {
			redirect.addFlashAttribute("problem", "Not copied: " + conflict.getMessage());
		}
		return "redirect:/protocols/" + code;
	}

	@GetMapping("/protocols/new")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String newForm(Model model) {
		return form(model, new Fields(null, null, "IV_KETAMINE", "TRD", new BigDecimal("0.5"), "0.5, 0.75, 1.0", 40, 6, 2, 14, 21,
				"EVERY_4_WEEKS", 3, 3, null, null), false, List.of());
	}

	@GetMapping("/protocols/{code}/edit")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String editForm(@PathVariable String code, Model model) {
		ProtocolView view = library.view(code);
		return form(model, Fields.of(view.protocol(), view.version()), true, List.of());
	}

	@PostMapping("/protocols")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String define(Fields fields, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return save(fields, false, model, redirect, response);
	}

	@PostMapping("/protocols/{code}/edit")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String edit(@PathVariable String code, Fields fields, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return save(new Fields(code, fields.name(), fields.route(), fields.indication(), fields.startDose(), fields.steps(),
				fields.infusionMinutes(), fields.inductionSessions(), fields.minDaysBetween(), fields.fastestDays(),
				fields.slowestDays(), fields.maintenanceFrequency(), fields.maintenanceSessions(), fields.stepUpAfter(),
				fields.source(), fields.version()), true, model, redirect, response);
	}

	private String save(Fields f, boolean editing, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		List<BigDecimal> steps = new ArrayList<>();
		for (String part : (f.steps() == null ? "" : f.steps()).split("[,;\\s]+")) {
			if (!part.isBlank()) {
				try {
					steps.add(new BigDecimal(part));
				}
				catch (NumberFormatException notANumber) {
					problems.add("titration steps: " + part + " is not a number");
				}
			}
		}
		List<BlockForm> maintenance = new ArrayList<>();
		List<String> frequencies = new ArrayList<>();
		Frequency frequency = Arrays.stream(Frequency.values()).filter(x -> x.name().equals(f.maintenanceFrequency())).findFirst()
			.orElse(null);
		if (frequency != null && f.maintenanceSessions() != null) {
			int days = frequency.days() * f.maintenanceSessions();
			maintenance.add(new BlockForm(f.maintenanceSessions(), Math.max(1, frequency.days() / 2), days, days,
					"Maintenance " + frequency.label()));
			frequencies.add(frequency.name());
		}
		boolean racemic = !"IN_ESKETAMINE".equals(f.route());
		ProtocolForm form = new ProtocolForm(f.code(), f.name(), f.route(), f.indication(), racemic ? "MG_PER_KG" : "MG",
				f.startDose(), steps, "IV_KETAMINE".equals(f.route()) ? f.infusionMinutes() : null,
				List.of(new BlockForm(f.inductionSessions(), f.minDaysBetween(), f.fastestDays(), f.slowestDays(), "Induction")),
				maintenance, frequencies, f.stepUpAfter(), null, f.source(), f.version());
		if (problems.isEmpty()) {
			try {
				ProtocolView saved = editing ? library.update(f.code(), form) : library.define(form);
				redirect.addFlashAttribute("notice", "Saved " + saved.protocol().code() + ".");
				return "redirect:/protocols/" + saved.protocol().code();
			}
			catch (InvalidInput invalid) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
			}
			catch (Conflict conflict) {
				response.setStatus(HttpStatus.CONFLICT.value());
				problems.add(conflict.getMessage());
			}
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return form(model, f, editing, problems);
	}

	private String form(Model model, Fields fields, boolean editing, List<String> problems) {
		model.addAttribute("f", fields);
		model.addAttribute("editing", editing);
		model.addAttribute("title", editing ? "Edit " + fields.code() : "Define a protocol");
		model.addAttribute("problems", problems);
		model.addAttribute("frequencies", Frequency.values());
		return "protocols/form";
	}
}
