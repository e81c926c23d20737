package org.ketamineclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * Setting up a clinic's calendar from other modules (the demo clinic, later imports) through the
 * same checks an administrator's requests pass. Acts for the caller's clinic.
 */
public interface SchedulingSetup {

	/** True when the caller's clinic has any chair or room, i.e. its calendar has been set up. */
	boolean hasResources();

	UUID addResource(ResourceKind kind, String name, Set<Capability> capabilities);

	void setOpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes);

	void setStaffHours(UUID userId, DayOfWeek day, LocalTime starts, LocalTime ends);
}
