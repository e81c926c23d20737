package org.ketamineclinic.outcomes.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.evaluation.Route;

/**
 * The cohort rules of clinical reference section 4 as a pure function over a course, its dosing
 * sessions and one instrument's ratings, all as clinic-local dates. No Spring, no database, so each
 * rule is checked against hand-computed cohorts.
 *
 * <p>Definitions (the README repeats them): baseline is the last rating on or before the day of the
 * first dosing session; induction ends with the course's last induction session (its planned
 * count, else 6 racemic or 8 esketamine sessions); the end-of-induction rating is the first rating
 * on or after that day and at most {@link #END_OF_INDUCTION_WINDOW_DAYS} days after it. A course
 * that has not reached its induction count is judged at its last session given, and counts as a
 * dropout when no session was given in the last {@link #DROPOUT_WEEKS} weeks.
 */
public final class CohortAnalysis {

	public static final int END_OF_INDUCTION_WINDOW_DAYS = 14;

	public static final int DROPOUT_WEEKS = 3;

	/** MADRS remission is a clinic setting in the reference (10 or 12); the ketamine-trial default. */
	public static final int MADRS_REMISSION = 10;

	private CohortAnalysis() {
	}

	/**
	 * @param indication what the course treats (TRD, MDSI, OTHER), when known
	 * @param stoppedOn the day a physician stopped the course, if one did
	 */
	public record Course(java.util.UUID courseId, java.util.UUID patientId, String protocol, Route route, LocalDate startDate,
			@Nullable Integer inductionSessions, @Nullable BigDecimal weightKg, @Nullable String indication,
			@Nullable LocalDate stoppedOn) {
	}

	/** One dosing session: its day and its whole dose (all devices). */
	public record Session(LocalDate day, BigDecimal doseMg) {
	}

	public record Rating(LocalDate day, int total) {
	}

	/** What one course shows on one instrument. Null fields are unknown, not zero. */
	public record CourseOutcome(Course course, boolean treated, int sessions, boolean inductionComplete, @Nullable Integer baseline,
			@Nullable Integer endOfInduction, boolean responder, boolean remitter, @Nullable Long daysToResponse,
			@Nullable Long weeksInResponse, boolean relapsed, boolean dropout, String doseBand, @Nullable LocalDate lastSession) {

		public boolean withBaseline() {
			return baseline != null;
		}
	}

	public static int inductionTarget(Course course) {
		if (course.inductionSessions() != null && course.inductionSessions() > 0) {
			return course.inductionSessions();
		}
		return course.route() == Route.IN_ESKETAMINE ? 8 : 6;
	}

	public static boolean responds(int baseline, int total) {
		return baseline > 0 && total * 2 <= baseline;
	}

	public static boolean remits(Instrument instrument, int total) {
		return switch (instrument) {
			case MADRS -> total <= MADRS_REMISSION;
			case QIDS_SR16 -> total <= 5;
			case PHQ9 -> total < 5;
			default -> throw new IllegalArgumentException("Not a depression outcome scale: " + instrument);
		};
	}

	/**
	 * Judges one course. {@code sessions} and {@code ratings} are the patient's, in any order;
	 * sessions before the course start are ignored, ratings from any time may be the baseline.
	 */
	public static CourseOutcome judge(Course course, List<Session> sessions, List<Rating> ratings, Instrument instrument,
			LocalDate asOf) {
		List<Session> given = sessions.stream()
			.filter(s -> !s.day().isBefore(course.startDate()))
			.sorted(Comparator.comparing(Session::day))
			.toList();
		List<Rating> sorted = ratings.stream().sorted(Comparator.comparing(Rating::day)).toList();
		int target = inductionTarget(course);
		boolean complete = given.size() >= target;
		String band = doseBand(course, given.stream().limit(target).toList());
		if (given.isEmpty()) {
			Integer earliest = sorted.isEmpty() ? null : sorted.get(0).total();
			return new CourseOutcome(course, false, 0, false, earliest, null, false, false, null, null, false,
					dropout(course, false, null, asOf), band, null);
		}
		LocalDate firstDose = given.get(0).day();
		LocalDate lastInduction = given.get(Math.min(target, given.size()) - 1).day();
		LocalDate lastSession = given.get(given.size() - 1).day();
		boolean dropout = dropout(course, complete, lastSession, asOf);
		Integer baseline = null;
		for (Rating r : sorted) {
			if (!r.day().isAfter(firstDose)) {
				baseline = r.total();
			}
		}
		if (baseline == null) {
			return new CourseOutcome(course, true, given.size(), complete, null, null, false, false, null, null, false, dropout, band,
					lastSession);
		}
		Integer endOfInduction = sorted.stream()
			.filter(r -> !r.day().isBefore(lastInduction) && !r.day().isAfter(lastInduction.plusDays(END_OF_INDUCTION_WINDOW_DAYS)))
			.findFirst()
			.map(Rating::total)
			.orElse(null);
		boolean responder = endOfInduction != null && responds(baseline, endOfInduction);
		boolean remitter = endOfInduction != null && remits(instrument, endOfInduction);

		// Durability: from the first responding rating after the first dose until relapse or the last rating.
		List<Rating> after = sorted.stream().filter(r -> r.day().isAfter(firstDose)).toList();
		int firstResponse = -1;
		for (int i = 0; i < after.size(); i++) {
			if (responds(baseline, after.get(i).total())) {
				firstResponse = i;
				break;
			}
		}
		Long daysToResponse = null;
		Long weeksInResponse = null;
		boolean relapsed = false;
		if (firstResponse >= 0) {
			LocalDate responded = after.get(firstResponse).day();
			daysToResponse = ChronoUnit.DAYS.between(firstDose, responded);
			List<Rating> since = after.subList(firstResponse, after.size());
			LocalDate relapse = relapseDay(instrument, baseline, since);
			relapsed = relapse != null;
			LocalDate end = relapse != null ? relapse : since.get(since.size() - 1).day();
			weeksInResponse = ChronoUnit.DAYS.between(responded, end) / 7;
		}
		return new CourseOutcome(course, true, given.size(), complete, baseline, endOfInduction, responder, remitter, daysToResponse,
				weeksInResponse, relapsed, dropout, band, lastSession);
	}

	/**
	 * Short of the induction count and either stopped by a physician or with no session (or, before any, no start) in the last
	 * weeks; depends on the day asked.
	 */
	public static boolean dropout(Course course, boolean inductionComplete, @Nullable LocalDate lastSession, LocalDate asOf) {
		LocalDate last = lastSession == null ? course.startDate() : lastSession;
		boolean stopped = course.stoppedOn() != null && !course.stoppedOn().isAfter(asOf);
		return !inductionComplete && (stopped || last.plusWeeks(DROPOUT_WEEKS).isBefore(asOf));
	}

	/**
	 * The day relapse is confirmed, or null. MADRS: 22 or more on two ratings 5 to 15 days apart
	 * (esketamine maintenance trial). PHQ-9: 10 or more and at least 5 above the best score since
	 * response on two consecutive ratings (clinic default). QIDS-SR16 has no published definition in
	 * the reference: here, out of response (above half the baseline) on two consecutive ratings.
	 */
	static @Nullable LocalDate relapseDay(Instrument instrument, int baseline, List<Rating> sinceResponse) {
		if (instrument == Instrument.MADRS) {
			for (int j = 1; j < sinceResponse.size(); j++) {
				Rating second = sinceResponse.get(j);
				if (second.total() < 22) {
					continue;
				}
				for (int i = 0; i < j; i++) {
					Rating first = sinceResponse.get(i);
					long apart = ChronoUnit.DAYS.between(first.day(), second.day());
					if (first.total() >= 22 && apart >= 5 && apart <= 15) {
						return second.day();
					}
				}
			}
			return null;
		}
		int best = Integer.MAX_VALUE;
		for (int i = 0; i < sinceResponse.size(); i++) {
			Rating r = sinceResponse.get(i);
			boolean worse = instrument == Instrument.PHQ9 ? r.total() >= 10 && (long) r.total() >= (long) best + 5 : !responds(baseline, r.total());
			if (worse && i > 0) {
				Rating previous = sinceResponse.get(i - 1);
				boolean previousWorse = instrument == Instrument.PHQ9 ? previous.total() >= 10 && (long) previous.total() >= (long) bestBefore(sinceResponse, i - 1) + 5
						: !responds(baseline, previous.total());
				if (previousWorse) {
					return r.day();
				}
			}
			best = Math.min(best, r.total());
		}
		return null;
	}

	private static int bestBefore(List<Rating> ratings, int index) {
		int best = Integer.MAX_VALUE;
		for (int i = 0; i < index; i++) {
			best = Math.min(best, ratings.get(i).total());
		}
		return best;
	}

	/**
	 * Esketamine by its usual induction dose in mg (the most frequent session dose); racemic ketamine
	 * by mg/kg of the weight recorded when the course started, in the steps of the escalation policy.
	 */
	static String doseBand(Course course, List<Session> induction) {
		if (induction.isEmpty()) {
			return "no session";
		}
		Map<BigDecimal, Integer> counts = new LinkedHashMap<>();
		for (Session s : induction) {
			counts.merge(s.doseMg().stripTrailingZeros(), 1, Integer::sum);
		}
		BigDecimal usual = counts.entrySet()
			.stream()
			.max(Map.Entry.<BigDecimal, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
		if (course.route() == Route.IN_ESKETAMINE) {
			return usual.toPlainString() + " mg";
		}
		if (course.weightKg() == null || course.weightKg().signum() <= 0) {
			return "weight unknown";
		}
		double mgPerKg = usual.divide(course.weightKg(), 4, RoundingMode.HALF_UP).doubleValue();
		if (mgPerKg < 0.45) {
			return "under 0.5 mg/kg";
		}
		if (mgPerKg < 0.7) {
			return "0.5 mg/kg";
		}
		if (mgPerKg < 0.95) {
			return "0.75 mg/kg";
		}
		return "1.0 mg/kg or more";
	}

	/** Counts and rates of a group of course outcomes. Rates are over courses with a baseline. */
	public record Summary(String group, int patients, int treated, int withBaseline, int responders, int remitters,
			@Nullable Double responseRate, @Nullable Double remissionRate, @Nullable Double medianDaysToResponse,
			@Nullable Double medianWeeksInResponse, int everResponded, int relapsed, @Nullable Double relapseRate, int dropouts,
			@Nullable Double dropoutRate) {
	}

	public static Summary summarise(String group, List<CourseOutcome> outcomes) {
		int patients = outcomes.size();
		int treated = 0;
		int withBaseline = 0;
		int responders = 0;
		int remitters = 0;
		int relapsed = 0;
		int dropouts = 0;
		List<Long> days = new ArrayList<>();
		List<Long> weeks = new ArrayList<>();
		for (CourseOutcome o : outcomes) {
			treated += o.treated() ? 1 : 0;
			withBaseline += o.withBaseline() ? 1 : 0;
			responders += o.withBaseline() && o.responder() ? 1 : 0;
			remitters += o.withBaseline() && o.remitter() ? 1 : 0;
			dropouts += o.dropout() ? 1 : 0;
			if (o.daysToResponse() != null) {
				days.add(o.daysToResponse());
				weeks.add(o.weeksInResponse());
				relapsed += o.relapsed() ? 1 : 0;
			}
		}
		return new Summary(group, patients, treated, withBaseline, responders, remitters, rate(responders, withBaseline),
				rate(remitters, withBaseline), median(days), median(weeks), days.size(), relapsed, rate(relapsed, days.size()),
				dropouts, rate(dropouts, patients));
	}

	public static List<Summary> by(List<CourseOutcome> outcomes, Function<CourseOutcome, String> key) {
		Map<String, List<CourseOutcome>> groups = new java.util.TreeMap<>();
		for (CourseOutcome o : outcomes) {
			groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
		}
		return groups.entrySet().stream().map(e -> summarise(e.getKey(), e.getValue())).toList();
	}

	static @Nullable Double rate(int count, int of) {
		return of == 0 ? null : Math.round(count * 10000.0 / of) / 10000.0;
	}

	static @Nullable Double median(List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}
}
