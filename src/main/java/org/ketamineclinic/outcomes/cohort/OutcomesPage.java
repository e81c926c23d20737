package org.ketamineclinic.outcomes.cohort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/** The cohort dashboard: filters in the query string, tables, and charts fed by data attributes (strict CSP). */
@Controller
class OutcomesPage {

	private final CohortAnalytics analytics;

	private final JsonMapper json;

	OutcomesPage(CohortAnalytics analytics, JsonMapper json) {
		this.analytics = analytics;
		this.json = json;
	}

	@GetMapping("/outcomes")
	String dashboard(@RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String route, @RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable String indication, Model model) {
		CohortAnalytics.CohortReport report = analytics.report(analytics.query(instrument, from, to, route, protocol, indication));
		model.addAttribute("report", report);
		model.addAttribute("q", report.query());
		model.addAttribute("byRouteChart", chart(report.byRoute(), report.references(), true));
		model.addAttribute("byProtocolChart", chart(report.byProtocol(), report.references(), false));
		return "outcomes/dashboard";
	}

	/** The dashboard's CSV link: the same rows as the API's CSV, for a signed-in person (the API takes bearer tokens only). */
	@GetMapping("/outcomes/cohort.csv")
	org.springframework.http.ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String route, @RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable String indication) {
		String body = CohortAnalytics.csv(analytics.report(analytics.query(instrument, from, to, route, protocol, indication)));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort.csv\"")
			.body(body);
	}

	/** Rates in percent per group, and the published rates as lines where they apply. */
	private String chart(List<CohortAnalysis.Summary> groups, List<CohortAnalytics.ReferenceRate> references, boolean byRoute) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", groups.stream().map(CohortAnalysis.Summary::group).toList());
		data.put("response", groups.stream().map(s -> percent(s.responseRate())).toList());
		data.put("remission", groups.stream().map(s -> percent(s.remissionRate())).toList());
		data.put("references", references.stream()
			.map(r -> Map.of("group", byRoute ? r.route() : "", "measure", r.measure(), "percent", Math.round(r.rate() * 1000) / 10.0,
					"label", r.source().substring(0, r.source().indexOf(' ')) + " " + r.measure() + " " + Math.round(r.rate() * 1000) / 10.0 + "%"))
			.toList());
		return json.writeValueAsString(data);
	}

	private static @Nullable Double percent(@Nullable Double rate) {
		return rate == null ? null : Math.round(rate * 1000) / 10.0;
	}
}
