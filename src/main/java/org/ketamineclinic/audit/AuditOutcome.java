package org.ketamineclinic.audit;

public enum AuditOutcome {
	SUCCESS, DENIED
}
