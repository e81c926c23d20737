package org.ketamineclinic.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Records who looked at or changed which patient data. Successful reads and changes join the
 * caller's transaction, so a change and its audit entry are stored together or not at all;
 * refusals are stored in their own transaction because the refused work is rolled back.
 */
public interface AuditTrail {

	void read(@Nullable UUID patientId, String resourceType, @Nullable Object resourceId);

	void searched(String resourceType, int resultCount);

	void changed(UUID patientId, String resourceType, Object resourceId, AuditAction action);

	void denied(@Nullable UUID patientId, String resourceType, @Nullable Object resourceId, AuditAction action);
}
