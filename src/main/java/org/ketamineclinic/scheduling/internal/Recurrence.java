package org.ketamineclinic.scheduling.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The start times of a series. Each occurrence is counted from the first one (not from the one
 * before), so the 31st stays the 31st wherever a month has it, and keeps the first's wall-clock
 * time across daylight-saving changes: 10:00 in March is 10:00 in April, an hour less in UTC.
 */
final class Recurrence {

	enum Every {
		WEEK, MONTH
	}

	static final int MAX_COUNT = 52;

	private Recurrence() {
	}

	static List<ZonedDateTime> occurrences(LocalDateTime first, ZoneId zone, Every every, int count) {
		List<ZonedDateTime> starts = new ArrayList<>(count);
		for (int k = 0; k < count; k++) {
			LocalDateTime local = every == Every.WEEK ? first.plusWeeks(k) : first.plusMonths(k);
			// A wall-clock time skipped by spring-forward moves later by the gap; in the repeated hour
			// of fall-back the earlier offset wins, which is what a clock on the wall shows first.
			starts.add(ZonedDateTime.ofLocal(local, zone, null));
		}
		return starts;
	}
}
