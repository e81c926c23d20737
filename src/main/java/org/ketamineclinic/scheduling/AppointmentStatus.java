package org.ketamineclinic.scheduling;

public enum AppointmentStatus {
	BOOKED, CANCELLED, NO_SHOW, COMPLETED
}
