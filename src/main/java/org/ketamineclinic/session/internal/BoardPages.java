package org.ketamineclinic.session.internal;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The chair board for a wall screen or a tablet: the whole page, or with htmx only the table it refreshes. */
@Controller
class BoardPages {

	private final ChairBoard board;
	private final ClinicTimeZone zone;

	BoardPages(ChairBoard board, ClinicTimeZone zone) {
		this.board = board;
		this.zone = zone;
	}

	@GetMapping("/board")
	String board(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("board", board.today());
		model.addAttribute("zone", zone.zone());
		return htmx != null ? "sessions/board :: table" : "sessions/board";
	}
}
