package org.ketamineclinic.protocol.library;

import java.time.LocalDate;

/** One session a course plans: its number in the course, its phase and the dates it may fall on (inclusive). */
public record PlannedSession(int number, Phase phase, LocalDate earliestDate, LocalDate latestDate) {

	public PlannedSession {
		if (latestDate.isBefore(earliestDate)) {
			throw new IllegalArgumentException("latest " + latestDate + " before earliest " + earliestDate);
		}
	}

	public boolean allows(LocalDate date) {
		return !date.isBefore(earliestDate) && !date.isAfter(latestDate);
	}
}
