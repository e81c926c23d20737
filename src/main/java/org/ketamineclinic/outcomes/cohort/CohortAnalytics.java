package org.ketamineclinic.outcomes.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's cohort analytics for physicians and administrators, over the outcomes read model only. */
@Service
class CohortAnalytics {

	/**
	 * Published rates drawn on the dashboard next to the clinic's. Not in the clinical reference:
	 * taken from the trial reports named in each source.
	 */
	static final List<ReferenceRate> REFERENCES = List.of(
			new ReferenceRate("IV_KETAMINE", "response", 0.554,
					"ELEKT-D (Anand et al., NEJM 2023): 55.4% responded (QIDS-SR16) after 6 IV infusions of 0.5 mg/kg over 3 weeks"),
			new ReferenceRate("IV_KETAMINE", "remission", 0.46,
					"KetECT (Ekstrand et al., Int J Neuropsychopharmacol 2022): 46% remitted (MADRS 10 or less) with up to 12 IV infusions"));

	private final CurrentUser currentUser;

	private final ClinicTimeZone zone;

	private final Clock clock;

	private final CohortOutcomes judged;

	CohortAnalytics(CurrentUser currentUser, ClinicTimeZone zone, Clock clock, CohortOutcomes judged) {
		this.judged = judged;
		this.currentUser = currentUser;
		this.zone = zone;
		this.clock = clock;
	}

	record ReferenceRate(String route, String measure, double rate, String source) {
	}

	record Query(Instrument instrument, LocalDate from, LocalDate to, @Nullable Route route, @Nullable String protocol,
			@Nullable Indication indication) {
	}

	record ContractSummary(Instrument instrument, int patients, int withBaseline, int responders, int remitters,
			@Nullable Double responseRate, @Nullable Double remissionRate) {
	}

	record CohortReport(Query query, CohortAnalysis.Summary overall, List<CohortAnalysis.Summary> byRoute,
			List<CohortAnalysis.Summary> byProtocol, List<CohortAnalysis.Summary> byDoseBand, List<ReferenceRate> references,
			Definitions definitions) {
	}

	record Definitions(int endOfInductionWindowDays, int dropoutWeeks, int madrsRemission, String rates) {
	}

	Query query(@Nullable String instrument, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String route,
			@Nullable String protocol, @Nullable String indication) {
		Indication treats = null;
		if (indication != null && !indication.isBlank()) {
			try {
				treats = Indication.valueOf(indication.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInput("indication", "must be TRD, MDSI or OTHER");
			}
		}
		Instrument scale;
		try {
			scale = instrument == null || instrument.isBlank() ? Instrument.MADRS : Instrument.valueOf(instrument.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("instrument", "must be MADRS, QIDS_SR16 or PHQ9");
		}
		if (!CohortReadModel.OUTCOME_SCALES.contains(scale)) {
			throw new InvalidInput("instrument", "must be MADRS, QIDS_SR16 or PHQ9");
		}
		Route way = null;
		if (route != null && !route.isBlank()) {
			try {
				way = Route.valueOf(route.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInput("route", "must be IV_KETAMINE, IM_KETAMINE or IN_ESKETAMINE");
			}
		}
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusYears(1) : from;
		if (start.isAfter(end)) {
			throw new InvalidInput("from", "must not be after to");
		}
		return new Query(scale, start, end, way, protocol == null || protocol.isBlank() ? null : protocol.strip(), treats);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','ADMIN')")
	ContractSummary summary(Query query) {
		int[] c = judged.counts(filter(query), query.instrument());
		return new ContractSummary(query.instrument(), c[0], c[1], c[2], c[3], CohortAnalysis.rate(c[2], c[1]),
				CohortAnalysis.rate(c[3], c[1]));
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','ADMIN')")
	CohortReport report(Query query) {
		List<CohortAnalysis.CourseOutcome> outcomes = outcomes(query);
		return new CohortReport(query, CohortAnalysis.summarise("all", outcomes),
				CohortAnalysis.by(outcomes, o -> o.course().route().name()), CohortAnalysis.by(outcomes, o -> o.course().protocol()),
				CohortAnalysis.by(outcomes, o -> o.course().route().name() + " " + o.doseBand()), REFERENCES,
				new Definitions(CohortAnalysis.END_OF_INDUCTION_WINDOW_DAYS, CohortAnalysis.DROPOUT_WEEKS,
						CohortAnalysis.MADRS_REMISSION, "response, remission: of courses with a baseline; relapse: of courses that ever responded; dropout: of all courses"));
	}

	private List<CohortAnalysis.CourseOutcome> outcomes(Query query) {
		return judged.read(filter(query), query.instrument(), LocalDate.now(clock.withZone(zone.zone())));
	}

	private CohortReadModel.Filter filter(Query query) {
		return new CohortReadModel.Filter(currentUser.clinic().value(), query.from(), query.to(), query.route(), query.protocol(),
				query.indication() == null ? null : query.indication().name());
	}

	/** Judges every course of the caller's clinic again from the read model; returns how many. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	int rebuild() {
		return judged.rebuild(currentUser.clinic().value(), zone.zone(), LocalDate.now(clock.withZone(zone.zone())));
	}

	static String csv(CohortReport report) {
		StringBuilder out = new StringBuilder(
				"breakdown,group,patients,treated,with_baseline,responders,remitters,response_rate,remission_rate,median_days_to_response,median_weeks_in_response,ever_responded,relapsed,relapse_rate,dropouts,dropout_rate\n");
		row(out, "overall", report.overall());
		report.byRoute().forEach(s -> row(out, "route", s));
		report.byProtocol().forEach(s -> row(out, "protocol", s));
		report.byDoseBand().forEach(s -> row(out, "dose band", s));
		return out.toString();
	}

	private static void row(StringBuilder out, String breakdown, CohortAnalysis.Summary s) {
		out.append(cell(breakdown)).append(',').append(cell(s.group())).append(',').append(s.patients()).append(',').append(s.treated())
			.append(',').append(s.withBaseline()).append(',').append(s.responders()).append(',').append(s.remitters()).append(',')
			.append(num(s.responseRate())).append(',').append(num(s.remissionRate())).append(',').append(num(s.medianDaysToResponse()))
			.append(',').append(num(s.medianWeeksInResponse())).append(',').append(s.everResponded()).append(',').append(s.relapsed())
			.append(',').append(num(s.relapseRate())).append(',').append(s.dropouts()).append(',').append(num(s.dropoutRate()))
			.append('\n');
	}

	private static String num(@Nullable Double value) {
		return value == null ? "" : value.toString();
	}

	/** Quotes every cell and neutralises spreadsheet formulas. */
	static String cell(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}
}
