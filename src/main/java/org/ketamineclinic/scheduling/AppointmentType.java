package org.ketamineclinic.scheduling;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.Role;

/**
 * What an appointment is for, and what it takes: how long the chair or room is held (dosing
 * includes the observation until discharge), which equipment, which role for the whole time, and
 * whether a prescriber must be on site (esketamine REMS, clinical reference section 6).
 */
public enum AppointmentType {

	/** 40 minutes of infusion and 60 of recovery. */
	IV_INFUSION(100, ResourceKind.CHAIR, Capability.INFUSION_PUMP, Role.NURSE, false),
	IM_INJECTION(90, ResourceKind.CHAIR, null, Role.NURSE, false),
	/** At least 2 hours of monitoring after the first device. */
	ESKETAMINE_SESSION(135, ResourceKind.CHAIR, Capability.PULSE_OXIMETER, Role.NURSE, true),
	EVALUATION(60, ResourceKind.ROOM, null, Role.PHYSICIAN, false),
	INTEGRATION_THERAPY(50, ResourceKind.ROOM, null, Role.THERAPIST, false),
	FOLLOW_UP(20, ResourceKind.ROOM, null, Role.PHYSICIAN, false);

	private final Duration duration;
	private final ResourceKind resourceKind;
	private final @Nullable Capability capability;
	private final Role staffRole;
	private final boolean prescriberOnSite;

	AppointmentType(int minutes, ResourceKind resourceKind, @Nullable Capability capability, Role staffRole,
			boolean prescriberOnSite) {
		this.duration = Duration.ofMinutes(minutes);
		this.resourceKind = resourceKind;
		this.capability = capability;
		this.staffRole = staffRole;
		this.prescriberOnSite = prescriberOnSite;
	}

	public Duration duration() {
		return duration;
	}

	public ResourceKind resourceKind() {
		return resourceKind;
	}

	public @Nullable Capability capability() {
		return capability;
	}

	/** The role of the person booked exclusively for the whole appointment. */
	public Role staffRole() {
		return staffRole;
	}

	/** A physician must be working (not necessarily free) for the whole appointment. */
	public boolean prescriberOnSite() {
		return prescriberOnSite;
	}

	public boolean dosing() {
		return resourceKind == ResourceKind.CHAIR;
	}

	/** The dosing appointment for a course given by {@code route}. */
	public static AppointmentType forRoute(Route route) {
		return switch (route) {
			case IV_KETAMINE -> IV_INFUSION;
			case IM_KETAMINE -> IM_INJECTION;
			case IN_ESKETAMINE -> ESKETAMINE_SESSION;
		};
	}
}
