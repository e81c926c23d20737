package org.ketamineclinic.scheduling;

/** Dosing happens in a treatment chair; talking appointments in a room. */
public enum ResourceKind {
	CHAIR, ROOM
}
