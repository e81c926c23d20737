package org.ketamineclinic.session.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
import org.ketamineclinic.evaluation.Route;

/**
 * When the next vital signs are due (clinical reference section 6): for IV every 10 minutes during
 * the infusion and every 15 after (academic centre practice, clinic settings); IM every 15 minutes
 * after the injection; for esketamine one reading at about 40 minutes after the first device (REG),
 * met by any reading from 30 minutes on, then the one before discharge, which discharge itself checks.
 */
final class MonitoringSchedule {

	static final Duration ESKETAMINE_CHECK_AT = Duration.ofMinutes(40);
	static final Duration ESKETAMINE_WINDOW_OPENS = Duration.ofMinutes(30);

	private MonitoringSchedule() {
	}

	/**
	 * @param lastReadingAt the latest reading of the session, if any
	 * @return null when nothing is due: before the first dose (the pre-dose reading is part of check-in) or after the session
	 */
	static @Nullable Instant nextDue(Route route, boolean inChair, @Nullable Instant firstDoseAt, @Nullable Instant infusionEndsAt,
			@Nullable Instant lastReadingAt, MonitoringLimits settings) {
		if (!inChair || firstDoseAt == null) {
			return null;
		}
		if (route == Route.IN_ESKETAMINE) {
			boolean done = lastReadingAt != null && !lastReadingAt.isBefore(firstDoseAt.plus(ESKETAMINE_WINDOW_OPENS));
			return done ? null : firstDoseAt.plus(ESKETAMINE_CHECK_AT);
		}
		Instant base = lastReadingAt != null && lastReadingAt.isAfter(firstDoseAt) ? lastReadingAt : firstDoseAt;
		boolean infusing = infusionEndsAt != null && base.isBefore(infusionEndsAt);
		return base.plus(infusing ? settings.ivInfusionCheckEvery() : settings.afterDoseCheckEvery());
	}

	static boolean overdue(@Nullable Instant due, Instant now) {
		return due != null && now.isAfter(due);
	}
}
