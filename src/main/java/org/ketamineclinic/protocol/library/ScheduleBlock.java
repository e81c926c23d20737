package org.ketamineclinic.protocol.library;

/**
 * A run of sessions with one rhythm, for example the esketamine label's twice weekly in weeks 1 to
 * 4. The sessions are spread over between {@code fastestDays} and {@code slowestDays} from the
 * block's first day, never closer than {@code minDaysBetween}; see {@link SessionPlanner} for how
 * that becomes earliest and latest dates. A block with equal fastest and slowest days is a fixed
 * rhythm (each session in its own slot); a wider one lets a clinic go faster or slower, like six
 * infusions in two to three weeks.
 *
 * @param minDaysBetween whole days from one session date to the next at the least (2 means one clear day between)
 */
public record ScheduleBlock(Phase phase, int sessions, int minDaysBetween, int fastestDays, int slowestDays, String label) {

	public static final int MAX_SESSIONS = 52;

	public static final int MAX_DAYS = 366;

	public ScheduleBlock {
		if (sessions < 1 || sessions > MAX_SESSIONS) {
			throw new IllegalArgumentException("sessions must be 1 to " + MAX_SESSIONS + ", got " + sessions);
		}
		if (minDaysBetween < 1 || minDaysBetween > 90) {
			throw new IllegalArgumentException("minDaysBetween must be 1 to 90 days, got " + minDaysBetween);
		}
		if (slowestDays > MAX_DAYS || fastestDays < 1 || fastestDays > slowestDays) {
			throw new IllegalArgumentException("fastestDays and slowestDays must satisfy 1 <= fastest <= slowest <= " + MAX_DAYS
					+ ", got " + fastestDays + " and " + slowestDays);
		}
		if ((long) (sessions - 1) * minDaysBetween >= slowestDays) {
			throw new IllegalArgumentException(sessions + " sessions at least " + minDaysBetween
					+ " days apart do not fit in " + slowestDays + " days");
		}
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("label is required");
		}
	}

	/** A fixed rhythm: {@code sessions} sessions, one every {@code frequency}. */
	public static ScheduleBlock every(Phase phase, Frequency frequency, int sessions, String label) {
		int days = frequency.days() * sessions;
		return new ScheduleBlock(phase, sessions, Math.max(1, frequency.days() / 2), days, days, label);
	}
}
