package org.ketamineclinic.patient;

public enum FindingStatus {
	ACTIVE, PAST
}
