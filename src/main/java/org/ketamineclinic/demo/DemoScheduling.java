package org.ketamineclinic.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.scheduling.Capability;
import org.ketamineclinic.scheduling.ResourceKind;
import org.ketamineclinic.scheduling.SchedulingSetup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's calendar: four treatment chairs (two with infusion pumps), two rooms, open
 * Monday to Friday 08:00 to 18:00. The nurse works the opening hours, the physician until 16:00 (so
 * late esketamine sessions show the prescriber-on-site rule), the therapist Monday to Thursday.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
class DemoScheduling implements ApplicationRunner {

	static final LocalTime OPENS = LocalTime.of(8, 0);
	static final LocalTime CLOSES = LocalTime.of(18, 0);

	private final Accounts accounts;
	private final SchedulingSetup scheduling;

	DemoScheduling(Accounts accounts, SchedulingSetup scheduling) {
		this.accounts = accounts;
		this.scheduling = scheduling;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.clinicExists(DemoClinic.NAME)) {
			return;
		}
		ClinicId clinic = accounts.createClinic(DemoClinic.NAME);
		RunAs.systemActor(clinic, DemoClinic.SEED_ACTOR, Role.ADMIN, () -> {
			if (scheduling.hasResources()) {
				return null;
			}
			Set<Capability> infusion = EnumSet.of(Capability.INFUSION_PUMP, Capability.PULSE_OXIMETER, Capability.RECLINER);
			Set<Capability> monitored = EnumSet.of(Capability.PULSE_OXIMETER, Capability.RECLINER);
			scheduling.addResource(ResourceKind.CHAIR, "Chair 1", infusion);
			scheduling.addResource(ResourceKind.CHAIR, "Chair 2", infusion);
			scheduling.addResource(ResourceKind.CHAIR, "Chair 3", monitored);
			scheduling.addResource(ResourceKind.CHAIR, "Chair 4", monitored);
			scheduling.addResource(ResourceKind.ROOM, "Consult room", EnumSet.noneOf(Capability.class));
			scheduling.addResource(ResourceKind.ROOM, "Therapy room", EnumSet.noneOf(Capability.class));
			for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
				scheduling.setOpeningHours(day, OPENS, CLOSES);
				accounts.staff(clinic, Role.NURSE).forEach(nurse -> scheduling.setStaffHours(nurse.userId(), day, OPENS, CLOSES));
				accounts.staff(clinic, Role.PHYSICIAN)
					.forEach(physician -> scheduling.setStaffHours(physician.userId(), day, OPENS, LocalTime.of(16, 0)));
				if (day != DayOfWeek.FRIDAY) {
					accounts.staff(clinic, Role.THERAPIST)
						.forEach(therapist -> scheduling.setStaffHours(therapist.userId(), day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
				}
			}
			return null;
		});
	}
}
