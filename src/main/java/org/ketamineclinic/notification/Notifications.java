package org.ketamineclinic.notification;

import org.ketamineclinic.identity.ClinicId;

/**
 * Queues an email in the caller's transaction. Messages carry no patient data beyond a link:
 * email is not a safe place for health information.
 */
public interface Notifications {

	void email(ClinicId clinic, String to, String subject, String body);
}
