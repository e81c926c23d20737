package org.ketamineclinic.notification;

import java.util.List;

import org.ketamineclinic.identity.ClinicId;

/**
 * Queues an email in the caller's transaction. Messages carry no patient data beyond a link:
 * email is not a safe place for health information.
 */
public interface Notifications {

	void email(ClinicId clinic, String to, String subject, String body);

	/** Queues an email with files (such as a calendar entry), stored and retried with the message. */
	void email(ClinicId clinic, String to, String subject, String body, List<Attachment> attachments);

	/** A file sent with an email; {@code contentType} may carry parameters such as a charset. */
	record Attachment(String filename, String contentType, byte[] content) {

		public Attachment {
			if (filename.isBlank() || contentType.isBlank()) {
				throw new IllegalArgumentException("an attachment needs a filename and a content type");
			}
			content = content.clone();
		}

		@Override
		public byte[] content() {
			return content.clone();
		}
	}
}
