package org.ketamineclinic.outcomes.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * Relapse by clinical reference section 4. Watching starts once the patient responds (50% below
 * baseline) or remits, or once maintenance has begun; a relapse then is MADRS at the threshold on
 * two assessments 5 to 15 days apart, or PHQ-9 back at the clinic's level and points above the
 * best score since watching began on two consecutive assessments. After a relapse only a new
 * response starts a new episode: the same episode is never reported twice.
 */
final class RelapseRule {

	record Point(Instant at, int total) {
	}

	record Settings(int madrsAtOrAbove, int madrsMinDaysApart, int madrsMaxDaysApart, int phq9AtOrAbove,
			int phq9PointsAboveBest, int madrsRemissionAtOrBelow) {

		static final Settings DEFAULTS = new Settings(22, 5, 15, 10, 5, 10);
	}

	/**
	 * @param episodeSince when watching began (the response, remission or first maintenance score): the episode's key
	 * @param best the best score since then before the relapse, for PHQ-9
	 */
	record Relapse(Instrument instrument, Instant episodeSince, Instant firstAt, int firstTotal, Instant confirmedAt,
			int confirmedTotal, int best) {
	}

	private final Settings settings;

	RelapseRule(Settings settings) {
		this.settings = settings;
	}

	/**
	 * The latest relapse episode in the scores of one instrument, if any.
	 *
	 * @param oldestFirst the totals of one instrument
	 * @param baseline the baseline total (null when none): response is measured against it
	 * @param maintenanceSince when the course's maintenance phase began, or null
	 */
	Optional<Relapse> latest(Instrument instrument, List<Point> oldestFirst, @Nullable Integer baseline,
			@Nullable Instant maintenanceSince) {
		if (instrument != Instrument.MADRS && instrument != Instrument.PHQ9) {
			return Optional.empty();
		}
		Relapse found = null;
		int watchStart = -1;
		int firstEligible = -1;
		boolean relapsed = false;
		for (int i = 0; i < oldestFirst.size(); i++) {
			Point point = oldestFirst.get(i);
			boolean improved = (baseline != null && baseline > 0 && point.total() * 2 <= baseline) || remits(instrument, point.total());
			boolean inMaintenance = maintenanceSince != null && !point.at().isBefore(maintenanceSince);
			if (watchStart < 0) {
				if (improved || (inMaintenance && !relapsed)) {
					watchStart = i;
					// A response is not itself part of a relapse; a first maintenance score may be.
					firstEligible = improved ? i + 1 : i;
				}
				continue;
			}
			Relapse relapse = relapseAt(instrument, oldestFirst, watchStart, firstEligible, i);
			if (relapse != null) {
				found = relapse;
				relapsed = true;
				watchStart = -1;
			}
		}
		return Optional.ofNullable(found);
	}

	boolean remits(Instrument instrument, int total) {
		return switch (instrument) {
			case PHQ9 -> total < 5;
			case QIDS_SR16 -> total <= 5;
			case MADRS -> total <= settings.madrsRemissionAtOrBelow();
			default -> false;
		};
	}

	private @Nullable Relapse relapseAt(Instrument instrument, List<Point> points, int watchStart, int firstEligible, int i) {
		Point current = points.get(i);
		if (instrument == Instrument.MADRS) {
			if (current.total() < settings.madrsAtOrAbove()) {
				return null;
			}
			for (int j = i - 1; j >= firstEligible; j--) {
				Point earlier = points.get(j);
				if (earlier.total() >= settings.madrsAtOrAbove() && apart(earlier.at(), current.at())) {
					return new Relapse(instrument, points.get(watchStart).at(), earlier.at(), earlier.total(), current.at(),
							current.total(), best(points, watchStart, j));
				}
			}
			return null;
		}
		if (i - 1 < firstEligible || i - 2 < watchStart) {
			return null;
		}
		int best = best(points, watchStart, i - 1);
		Point previous = points.get(i - 1);
		if (phq9Relapse(previous.total(), best) && phq9Relapse(current.total(), best)) {
			return new Relapse(instrument, points.get(watchStart).at(), previous.at(), previous.total(), current.at(), current.total(),
					best);
		}
		return null;
	}

	/** The lowest total from the start of watching up to, not including, {@code end}. */
	private static int best(List<Point> points, int from, int end) {
		int best = Integer.MAX_VALUE;
		for (int k = from; k < Math.max(end, from + 1); k++) {
			best = Math.min(best, points.get(k).total());
		}
		return best;
	}

	private boolean phq9Relapse(int total, int best) {
		return total >= settings.phq9AtOrAbove() && total >= best + settings.phq9PointsAboveBest();
	}

	private boolean apart(Instant earlier, Instant later) {
		Duration gap = Duration.between(earlier, later);
		return gap.compareTo(Duration.ofDays(settings.madrsMinDaysApart())) >= 0
				&& gap.compareTo(Duration.ofDays(settings.madrsMaxDaysApart())) <= 0;
	}
}
