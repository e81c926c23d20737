package org.ketamineclinic.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import org.ketamineclinic.scheduling.Capability;
import org.ketamineclinic.scheduling.ResourceKind;
import org.ketamineclinic.scheduling.SchedulingSetup;
import org.springframework.stereotype.Component;

@Component
class SchedulingSetupAdapter implements SchedulingSetup {

	private final ClinicCalendar calendar;

	SchedulingSetupAdapter(ClinicCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public boolean hasResources() {
		return !calendar.resources(null).isEmpty();
	}

	@Override
	public UUID addResource(ResourceKind kind, String name, Set<Capability> capabilities) {
		return calendar.addResource(kind, new ClinicCalendar.ResourceRequest(name, capabilities.stream().map(Enum::name).toList(), true,
				null)).id();
	}

	@Override
	public void setOpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
		calendar.setOpeningHours(day, opens, closes);
	}

	@Override
	public void setStaffHours(UUID userId, DayOfWeek day, LocalTime starts, LocalTime ends) {
		calendar.setStaffHours(userId, day, starts, ends);
	}
}
