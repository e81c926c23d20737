package org.ketamineclinic.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Open alerts for the care team, acknowledgement with a documented action, and escalation. */
@Service
@Transactional
class RiskAlertService {

	private static final Logger log = LoggerFactory.getLogger(RiskAlertService.class);

	record AlertView(UUID id, UUID patientId, UUID assessmentId, String code, @Nullable String level, String message,
			Instant raisedAt, @Nullable UUID assignedTo, boolean mine, @Nullable Instant escalatedAt,
			@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String action) {

		static AlertView of(RiskAlert a, @Nullable UUID viewer) {
			return new AlertView(a.id(), a.patientId(), a.assessmentId(), a.code(), a.level(), a.message(), a.raisedAt(),
					a.assignedTo(), viewer != null && viewer.equals(a.assignedTo()), a.escalatedAt(), a.acknowledgedAt(),
					a.acknowledgedBy(), a.action());
		}
	}

	private final RiskAlerts alerts;
	private final AlertRouting routing;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final OutcomeSettings settings;
	private final Clock clock;

	RiskAlertService(RiskAlerts alerts, AlertRouting routing, CurrentUser currentUser, AuditTrail audit,
			OutcomeSettings settings, Clock clock) {
		this.alerts = alerts;
		this.routing = routing;
		this.currentUser = currentUser;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Open alerts of the clinic, the oldest first: the staff home shows them before anything else. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	List<AlertView> open() {
		ClinicUser user = currentUser.get();
		List<AlertView> open = alerts.findByClinicIdAndAcknowledgedAtIsNullOrderByRaisedAtAsc(user.clinicId().value()).stream()
			.map(alert -> AlertView.of(alert, user.userId()))
			.toList();
		open.forEach(alert -> audit.read(alert.patientId(), "RiskAlert", alert.id()));
		return open;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	AlertView get(UUID id) {
		ClinicUser user = currentUser.get();
		RiskAlert alert = alerts.findByClinicIdAndId(user.clinicId().value(), id).orElseThrow(() -> new NotFound("Risk alert", id));
		audit.read(alert.patientId(), "RiskAlert", alert.id());
		return AlertView.of(alert, user.userId());
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	AlertView acknowledge(UUID id, @Nullable String action) {
		new FieldChecks().require("action", action)
			.rule(action == null || action.strip().length() <= 2000, "action", "must be at most 2000 characters")
			.throwIfAny();
		ClinicUser user = currentUser.get();
		RiskAlert alert = alerts.findByClinicIdAndId(user.clinicId().value(), id).orElseThrow(() -> new NotFound("Risk alert", id));
		alert.acknowledge(action.strip(), user.username(), clock.instant());
		alerts.saveAndFlush(alert);
		audit.changed(alert.patientId(), "RiskAlert", alert.id(), AuditAction.UPDATE);
		return AlertView.of(alert, user.userId());
	}

	/** Runs every minute on each instance; the row version keeps two instances from escalating one alert twice. */
	@Scheduled(fixedDelayString = "${clinic.assessment.escalation-check-interval:60s}")
	public void escalateOverdue() {
		Instant now = clock.instant();
		for (RiskAlert alert : alerts.findByAcknowledgedAtIsNullAndEscalatedAtIsNull()) {
			if (alert.isDueForEscalation(now, settings.escalateAfter())) {
				alert.escalate(now);
				alerts.saveAndFlush(alert);
				routing.alertEscalated(new ClinicId(alert.clinicId()), alert);
				log.info("Escalated risk alert {} to all physicians", alert.id());
			}
		}
	}
}
