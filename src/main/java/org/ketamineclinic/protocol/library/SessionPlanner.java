package org.ketamineclinic.protocol.library;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns schedule blocks and a start date into planned sessions. Within a block of n sessions on
 * day 0 to day slowestDays - 1, session i (from 0) may fall
 * <ul>
 * <li>at the earliest on day max(i x minDaysBetween, floor(i x fastestDays / n)): as fast as both the
 * spacing and the fastest rhythm allow;</li>
 * <li>at the latest on day floor((i + 1) x slowestDays / n) - 1: the end of its even share of the slowest
 * rhythm, so that the last session still falls inside the block.</li>
 * </ul>
 * For the esketamine label's twice weekly over 28 days this gives the slots day 0-2, 3-6, 7-9,
 * 10-13 and so on: two sessions in each calendar week of treatment. Each block starts where the
 * previous one's slowest span ends. Dates are calendar dates in the clinic's zone, so month ends and
 * daylight-saving changes move nothing.
 */
public final class SessionPlanner {

	private SessionPlanner() {
	}

	public static List<PlannedSession> plan(List<ScheduleBlock> blocks, LocalDate start, int firstNumber) {
		List<PlannedSession> sessions = new ArrayList<>();
		LocalDate blockStart = start;
		int number = firstNumber;
		for (ScheduleBlock block : blocks) {
			int n = block.sessions();
			for (int i = 0; i < n; i++) {
				long earliest = Math.max((long) i * block.minDaysBetween(), Math.floorDiv((long) i * block.fastestDays(), n));
				long latest = Math.max(earliest, Math.floorDiv((long) (i + 1) * block.slowestDays(), n) - 1);
				sessions.add(new PlannedSession(number++, block.phase(), blockStart.plusDays(earliest), blockStart.plusDays(latest)));
			}
			blockStart = blockStart.plusDays(block.slowestDays());
		}
		return List.copyOf(sessions);
	}
}
