package org.ketamineclinic.session.internal;

enum AdverseEventSeverity {
	MILD, MODERATE, SEVERE
}
