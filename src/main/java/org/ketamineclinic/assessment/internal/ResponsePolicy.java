package org.ketamineclinic.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ResponseStatus;

/**
 * Response, remission and relapse by the outcome definitions of clinical reference section 4:
 * response is a fall of at least 50% from baseline; remission is PHQ-9 below 5, QIDS-SR16 5 or
 * less, MADRS at or below the clinic's cut-off; relapse after a response is MADRS 22 or more on
 * two assessments 5 to 15 days apart, or PHQ-9 back at the clinic's level and points above the
 * best score since response on two consecutive assessments. The status follows the latest score;
 * a relapse stands until the patient responds again.
 */
final class ResponsePolicy {

	record Point(Instant at, int total) {
	}

	record Result(@Nullable Integer baseline, @Nullable Integer latest, @Nullable BigDecimal percentChange,
			ResponseStatus status) {
	}

	private static final int MADRS_RELAPSE_AT_OR_ABOVE = 22;
	private static final Duration MADRS_RELAPSE_MIN_GAP = Duration.ofDays(5);
	private static final Duration MADRS_RELAPSE_MAX_GAP = Duration.ofDays(15);

	private final OutcomeSettings settings;

	ResponsePolicy(OutcomeSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param oldestFirst the patient's totals on one instrument
	 * @param firstDosingDay the day of the first dosing session of the current course, if any:
	 *        the baseline is the last score on or before it; without one, the earliest score
	 */
	Result evaluate(Instrument instrument, List<Point> oldestFirst, @Nullable LocalDate firstDosingDay, ZoneId zone) {
		int baselineIndex = baselineIndex(oldestFirst, firstDosingDay, zone);
		if (baselineIndex < 0) {
			return new Result(null, oldestFirst.isEmpty() ? null : oldestFirst.get(oldestFirst.size() - 1).total(), null,
					ResponseStatus.NO_BASELINE);
		}
		int baseline = oldestFirst.get(baselineIndex).total();
		ResponseStatus state = ResponseStatus.NOT_RESPONDING;
		Integer bestSinceResponse = null;
		int respondedAt = -1;
		for (int i = baselineIndex + 1; i < oldestFirst.size(); i++) {
			int total = oldestFirst.get(i).total();
			boolean responding = responds(baseline, total);
			boolean remitted = remits(instrument, total);
			if (remitted || responding) {
				state = remitted ? ResponseStatus.REMISSION : ResponseStatus.RESPONSE;
				if (bestSinceResponse == null) {
					respondedAt = i;
				}
				bestSinceResponse = bestSinceResponse == null ? total : Math.min(bestSinceResponse, total);
			}
			else if (bestSinceResponse != null && relapsed(instrument, oldestFirst, respondedAt, i, bestSinceResponse)) {
				state = ResponseStatus.RELAPSE;
				bestSinceResponse = null;
			}
			else if (state != ResponseStatus.RELAPSE) {
				state = ResponseStatus.NOT_RESPONDING;
			}
		}
		int latest = oldestFirst.get(oldestFirst.size() - 1).total();
		BigDecimal change = baseline == 0 ? null
				: BigDecimal.valueOf((latest - baseline) * 100L).divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
		return new Result(baseline, latest, change, state);
	}

	private static int baselineIndex(List<Point> oldestFirst, @Nullable LocalDate firstDosingDay, ZoneId zone) {
		if (oldestFirst.isEmpty()) {
			return -1;
		}
		if (firstDosingDay == null) {
			return 0;
		}
		int index = -1;
		for (int i = 0; i < oldestFirst.size(); i++) {
			if (!oldestFirst.get(i).at().atZone(zone).toLocalDate().isAfter(firstDosingDay)) {
				index = i;
			}
		}
		return index;
	}

	static boolean responds(int baseline, int total) {
		return baseline > 0 && total * 2 <= baseline;
	}

	boolean remits(Instrument instrument, int total) {
		return switch (instrument) {
			case PHQ9 -> total < 5;
			case QIDS_SR16 -> total <= 5;
			case MADRS -> total <= settings.madrsRemissionAtOrBelow();
			default -> false;
		};
	}

	/** Whether the assessment at {@code i}, with those after the response at {@code respondedAt}, meets the relapse rule. */
	private boolean relapsed(Instrument instrument, List<Point> oldestFirst, int respondedAt, int i, int bestSinceResponse) {
		Point current = oldestFirst.get(i);
		return switch (instrument) {
			case PHQ9 -> i - 1 > respondedAt && phq9Relapse(current.total(), bestSinceResponse)
					&& phq9Relapse(oldestFirst.get(i - 1).total(), bestSinceResponse);
			case MADRS -> current.total() >= MADRS_RELAPSE_AT_OR_ABOVE && oldestFirst.subList(respondedAt + 1, i).stream()
				.anyMatch(earlier -> earlier.total() >= MADRS_RELAPSE_AT_OR_ABOVE
						&& between(Duration.between(earlier.at(), current.at())));
			default -> false;
		};
	}

	private boolean phq9Relapse(int total, int best) {
		return total >= settings.phq9RelapseAtOrAbove() && total >= best + settings.phq9RelapsePointsAboveBest();
	}

	private static boolean between(Duration gap) {
		return gap.compareTo(MADRS_RELAPSE_MIN_GAP) >= 0 && gap.compareTo(MADRS_RELAPSE_MAX_GAP) <= 0;
	}
}
