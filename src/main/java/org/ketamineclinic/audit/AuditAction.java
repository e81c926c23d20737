package org.ketamineclinic.audit;

public enum AuditAction {
	READ, SEARCH, CREATE, UPDATE, VOID, EXPORT, SIGN_IN, ACCESS
}
