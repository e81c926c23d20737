package org.ketamineclinic.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.notification.Notifications;
import org.ketamineclinic.notification.Notifications.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class MailOutbox implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
	/** Waits grow 1, 2, 4 ... minutes up to an hour, so a long outage is not hammered. */
	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	record Pending(UUID id, String recipient, String subject, String body, int attempts) {
	}

	private final JdbcTemplate jdbc;
	private final JavaMailSender mail;
	private final Clock clock;
	private final String from;

	MailOutbox(JdbcTemplate jdbc, JavaMailSender mail, Clock clock, @Value("${clinic.mail.from}") String from) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.clock = clock;
		this.from = from;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void email(ClinicId clinic, String to, String subject, String body) {
		email(clinic, to, subject, body, List.of());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void email(ClinicId clinic, String to, String subject, String body, List<Attachment> attachments) {
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		jdbc.update("INSERT INTO mail_outbox (id, clinic_id, recipient, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				id, clinic.value(), to, subject, body, Timestamp.from(now), Timestamp.from(now));
		for (int i = 0; i < attachments.size(); i++) {
			Attachment file = attachments.get(i);
			jdbc.update("INSERT INTO mail_attachment (id, mail_id, position, filename, content_type, content) VALUES (?, ?, ?, ?, ?, ?)",
					UUID.randomUUID(), id, i, file.filename(), file.contentType(), file.content());
		}
	}

	/** Delivers what is due; each message is locked so that several instances never send one twice. */
	@Scheduled(fixedDelayString = "${clinic.mail.dispatch-interval}", initialDelayString = "${clinic.mail.dispatch-interval}")
	public void dispatch() {
		List<Pending> due;
		do {
			due = jdbc.query("SELECT id, recipient, subject, body, attempts FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 20",
					(rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
							rs.getString("body"), rs.getInt("attempts")), Timestamp.from(clock.instant()));
			int failed = 0;
			for (Pending message : due) {
				if (!deliver(message)) {
					failed++;
				}
			}
			if (failed > 0) {
				return;
			}
		}
		while (due.size() == 20);
	}

	private boolean deliver(Pending message) {
		Instant now = clock.instant();
		int claimed = jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL",
				Timestamp.from(now.plus(backoff(message.attempts() + 1))), message.id(), message.attempts());
		if (claimed == 0) {
			return true;
		}
		try {
			List<Attachment> attachments = attachments(message.id());
			if (attachments.isEmpty()) {
				SimpleMailMessage email = new SimpleMailMessage();
				email.setFrom(from);
				email.setTo(message.recipient());
				email.setSubject(message.subject());
				email.setText(message.body());
				mail.send(email);
			}
			else {
				mail.send(mime -> {
					MimeMessageHelper email = new MimeMessageHelper(mime, true, "UTF-8");
					email.setFrom(from);
					email.setTo(message.recipient());
					email.setSubject(message.subject());
					email.setText(message.body());
					for (Attachment file : attachments) {
						email.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
					}
				});
			}
			jdbc.update("UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ?", Timestamp.from(clock.instant()), message.id());
			return true;
		}
		catch (MailException failure) {
			String reason = failure.getClass().getSimpleName();
			jdbc.update("UPDATE mail_outbox SET last_error = ? WHERE id = ?", reason, message.id());
			log.warn("Mail {} not delivered on attempt {} ({}); will retry", message.id(), message.attempts() + 1, reason);
			return false;
		}
	}

	private List<Attachment> attachments(UUID mailId) {
		return jdbc.query("SELECT filename, content_type, content FROM mail_attachment WHERE mail_id = ? ORDER BY position",
				(rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), mailId);
	}

	static Duration backoff(int attempts) {
		Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
		return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
	}
}
