package org.ketamineclinic.outcomes.cohort;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cohort analytics over JSON and CSV (api-contract.md, outcomes): thin, the service decides. */
@RestController
class OutcomesApi {

	private final CohortAnalytics analytics;

	OutcomesApi(CohortAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/api/v1/outcomes/summary")
	CohortAnalytics.ContractSummary summary(@RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String route) {
		return analytics.summary(analytics.query(instrument, from, to, route, null, null));
	}

	@GetMapping("/api/v1/outcomes/cohort")
	CohortAnalytics.CohortReport cohort(@RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String route, @RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable String indication) {
		return analytics.report(analytics.query(instrument, from, to, route, protocol, indication));
	}

	/** Judges every course again, e.g. after data were loaded in bulk (bench/outcomes.sh). */
	@PostMapping("/api/v1/outcomes/rebuild")
	java.util.Map<String, Integer> rebuild() {
		return java.util.Map.of("courses", analytics.rebuild());
	}

	@GetMapping("/api/v1/outcomes/cohort.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String route, @RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable String indication) {
		String body = CohortAnalytics.csv(analytics.report(analytics.query(instrument, from, to, route, protocol, indication)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort.csv\"")
			.body(body);
	}
}
