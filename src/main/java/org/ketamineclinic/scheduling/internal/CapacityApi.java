package org.ketamineclinic.scheduling.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.FieldChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The capacity report as JSON: per day chair utilisation and monitoring minutes, and the period's no-show rate. */
@RestController
class CapacityApi {

	private final ScheduleViews views;

	CapacityApi(ScheduleViews views) {
		this.views = views;
	}

	/** Both dates are clinic days and both are included. */
	@GetMapping("/api/v1/scheduling/capacity")
	ScheduleViews.Capacity capacity(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		FieldChecks checks = new FieldChecks();
		LocalDate start = checks.check("from", () -> ClinicCalendar.date(from));
		LocalDate end = checks.check("to", () -> ClinicCalendar.date(to));
		checks.throwIfAny();
		return views.capacity(start, end);
	}
}
