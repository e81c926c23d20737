package org.ketamineclinic.session.internal;

import org.jspecify.annotations.Nullable;
import java.util.List;

import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The chair board for a wall screen or a tablet (the whole page, or with htmx only the table it
 * refreshes), and the sessions card of the staff home: today's sessions and the REMS forms due.
 */
@Controller
class BoardPages {

	private final ChairBoard board;
	private final RemsForms remsForms;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	BoardPages(ChairBoard board, RemsForms remsForms, CurrentUser currentUser, ClinicTimeZone zone) {
		this.board = board;
		this.remsForms = remsForms;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/sessions/home-fragment")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	String homeFragment(Model model) {
		ChairBoard.Board today = board.today();
		model.addAttribute("sessionsToday", today.chairs().stream().mapToInt(c -> c.sessions().size()).sum());
		// REMS forms are clinical records: the front desk sees today's count, not the forms.
		Role role = currentUser.get().role();
		model.addAttribute("formsDue", role == Role.PHYSICIAN || role == Role.NURSE ? remsForms.due() : List.of());
		return "sessions/home :: card";
	}

	@GetMapping("/board")
	String board(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("board", board.today());
		model.addAttribute("zone", zone.zone());
		return htmx != null ? "sessions/board :: table" : "sessions/board";
	}
}
