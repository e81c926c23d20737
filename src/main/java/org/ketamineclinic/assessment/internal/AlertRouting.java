package org.ketamineclinic.assessment.internal;

import java.util.List;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.Accounts.StaffMember;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who hears about a risk alert: the patient's responsible physician first (every physician when
 * none is set), and every physician of the clinic once it escalates. The email says only that an
 * alert waits and links to it: no name, no answers.
 */
@Component
class AlertRouting {

	private final Accounts accounts;
	private final Notifications notifications;
	private final String baseUrl;

	AlertRouting(Accounts accounts, Notifications notifications, @Value("${clinic.base-url}") String baseUrl) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
	}

	void alertRaised(ClinicId clinic, RiskAlert alert) {
		List<StaffMember> physicians = accounts.staff(clinic, Role.PHYSICIAN);
		List<StaffMember> recipients = alert.assignedTo() == null ? physicians
				: physicians.stream().filter(p -> p.userId().equals(alert.assignedTo())).toList();
		send(clinic, recipients.isEmpty() ? physicians : recipients, alert, "A patient risk alert needs your attention");
	}

	void alertEscalated(ClinicId clinic, RiskAlert alert) {
		send(clinic, accounts.staff(clinic, Role.PHYSICIAN), alert, "ESCALATED: a patient risk alert is still unacknowledged");
	}

	private void send(ClinicId clinic, List<StaffMember> recipients, RiskAlert alert, String subject) {
		String body = subject + ".\n\nOpen it and document your action: " + baseUrl + "/alerts/" + alert.id()
				+ "\n\nThis message contains no patient details by design.";
		for (StaffMember physician : recipients) {
			if (physician.email() != null) {
				notifications.email(clinic, physician.email(), subject, body);
			}
		}
	}
}
