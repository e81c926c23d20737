package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The append-only parts of a {@link DosingSession}, created only by its methods. */
final class SessionChildren {

	private SessionChildren() {
	}

	/** A check-in rule's finding, as it was when the patient checked in. */
	@Entity
	@Table(name = "session_finding")
	static class Finding {

		@Id
		private UUID id;

		@ManyToOne(optional = false)
		@JoinColumn(name = "session_id")
		private DosingSession session;

		private String ruleId;

		@Enumerated(EnumType.STRING)
		private CheckInRules.Severity severity;

		@Enumerated(EnumType.STRING)
		private CheckInRules.Source source;

		private String message;

		protected Finding() {
		}

		Finding(DosingSession session, CheckInRules.Finding finding) {
			this.id = UUID.randomUUID();
			this.session = session;
			this.ruleId = finding.ruleId();
			this.severity = finding.severity();
			this.source = finding.source();
			this.message = finding.message();
		}

		String ruleId() {
			return ruleId;
		}

		CheckInRules.Severity severity() {
			return severity;
		}

		CheckInRules.Finding value() {
			return new CheckInRules.Finding(ruleId, severity, source, message);
		}
	}

	/** A physician's acknowledgement of an ACKNOWLEDGE finding, with the reason. */
	@Entity
	@Table(name = "session_acknowledgement")
	static class Acknowledgement {

		@Id
		private UUID id;

		@ManyToOne(optional = false)
		@JoinColumn(name = "session_id")
		private DosingSession session;

		private String ruleId;

		private String reason;

		private String acknowledgedBy;

		private Instant acknowledgedAt;

		protected Acknowledgement() {
		}

		Acknowledgement(DosingSession session, String ruleId, String reason, String by, Instant at) {
			this.id = UUID.randomUUID();
			this.session = session;
			this.ruleId = ruleId;
			this.reason = reason;
			this.acknowledgedBy = by;
			this.acknowledgedAt = at;
		}

		String ruleId() {
			return ruleId;
		}

		String reason() {
			return reason;
		}

		String acknowledgedBy() {
			return acknowledgedBy;
		}

		Instant acknowledgedAt() {
			return acknowledgedAt;
		}
	}

	/** One infusion, injection or esketamine device. */
	@Entity
	@Table(name = "session_administration")
	static class Administration {

		@Id
		private UUID id;

		@ManyToOne(optional = false)
		@JoinColumn(name = "session_id")
		private DosingSession session;

		private String lot;

		private BigDecimal doseMg;

		private Instant startedAt;

		private @Nullable Integer durationMinutes;

		private @Nullable Integer deviceNumber;

		private @Nullable String checkedBy;

		private String recordedBy;

		private Instant recordedAt;

		protected Administration() {
		}

		Administration(DosingSession session, String lot, BigDecimal doseMg, Instant startedAt, @Nullable Integer durationMinutes,
				@Nullable Integer deviceNumber, @Nullable String checkedBy, String by, Instant now) {
			this.checkedBy = checkedBy;
			this.id = UUID.randomUUID();
			this.session = session;
			this.lot = lot;
			this.doseMg = doseMg;
			this.startedAt = startedAt;
			this.durationMinutes = durationMinutes;
			this.deviceNumber = deviceNumber;
			this.recordedBy = by;
			this.recordedAt = now;
		}

		UUID id() {
			return id;
		}

		String lot() {
			return lot;
		}

		BigDecimal doseMg() {
			return doseMg;
		}

		Instant startedAt() {
			return startedAt;
		}

		@Nullable Integer durationMinutes() {
			return durationMinutes;
		}

		@Nullable Integer deviceNumber() {
			return deviceNumber;
		}

		String recordedBy() {
			return recordedBy;
		}

		@Nullable String checkedBy() {
			return checkedBy;
		}
	}
}
