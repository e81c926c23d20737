package org.ketamineclinic.patient;

public enum SexAtBirth {
	FEMALE, MALE, OTHER, UNKNOWN
}
