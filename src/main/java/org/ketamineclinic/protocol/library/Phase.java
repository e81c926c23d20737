package org.ketamineclinic.protocol.library;

/** The two phases of a treatment course. */
public enum Phase {
	INDUCTION, MAINTENANCE
}
