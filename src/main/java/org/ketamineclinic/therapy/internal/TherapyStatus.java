package org.ketamineclinic.therapy.internal;

/** PLANNED until the holder signs the note (then HELD) or someone cancels it with a reason. */
enum TherapyStatus {
	PLANNED, HELD, CANCELLED
}
