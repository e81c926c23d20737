package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.platform.RuleViolation.RuleFinding;
import org.ketamineclinic.session.DoseAdministered;
import org.ketamineclinic.session.FindingAcknowledged;
import org.ketamineclinic.session.InfusionCompleted;
import org.ketamineclinic.session.SessionAborted;
import org.ketamineclinic.session.SessionCancelled;
import org.ketamineclinic.session.SessionCheckedIn;
import org.ketamineclinic.session.SessionDischarged;
import org.ketamineclinic.session.SessionMonitoringResumed;
import org.ketamineclinic.session.SessionPlanned;
import org.ketamineclinic.session.SessionRescheduled;
import org.ketamineclinic.session.SessionReadyForDischarge;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionChildren.Acknowledgement;
import org.ketamineclinic.session.internal.SessionChildren.Administration;
import org.ketamineclinic.session.internal.SessionChildren.Finding;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One patient's dosing session from planning to discharge. Its status changes only through the
 * methods here, each of which registers an event that the repository publishes on save; a change
 * the current status does not allow is a {@link Conflict} (409). Check-in findings,
 * acknowledgements and administrations are kept with it and never edited.
 */
@Entity
@Table(name = "dosing_session")
class DosingSession extends AbstractAggregateRoot<DosingSession> {

	static final BigDecimal DEVICE_MG = BigDecimal.valueOf(28);
	static final int MAX_DEVICES = 3;
	static final Duration DEVICE_INTERVAL = Duration.ofMinutes(5);
	static final int MAX_INFUSION_MINUTES = 240;
	static final String ACKNOWLEDGEMENT_REQUIRED = "ACKNOWLEDGEMENT_REQUIRED";
	static final String DOSE_MATCHES_ORDER = "DOSE_MATCHES_SIGNED_ORDER";
	static final String DEVICE_INTERVAL_SHORT = "DEVICE_INTERVAL_SHORT";
	static final String SECOND_PERSON_CHECK = "SECOND_PERSON_CHECK_REQUIRED";

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	private @Nullable UUID courseId;

	private @Nullable Integer courseSessionNumber;

	@Enumerated(EnumType.STRING)
	private Route route;

	private @Nullable BigDecimal plannedDoseMg;

	private @Nullable BigDecimal plannedDoseMgPerKg;

	private Instant scheduledStart;

	private @Nullable String chairId;

	/** The schedule's appointment this session was planned from, if it was. */
	private @Nullable UUID appointmentId;

	@Enumerated(EnumType.STRING)
	private SessionStatus status;

	private @Nullable String statusReason;

	private @Nullable Instant checkedInAt;

	private @Nullable String checkedInBy;

	private @Nullable Instant lastFoodAt;

	private @Nullable Instant lastLiquidAt;

	private @Nullable Instant nasalSteroidOrDecongestantAt;

	private @Nullable String escortName;

	private @Nullable String escortPhone;

	private @Nullable Integer preDoseSbp;

	private @Nullable Integer preDoseDbp;

	private @Nullable Integer preDoseHr;

	private @Nullable Integer preDoseSpo2;

	private @Nullable Integer preDoseRr;

	private @Nullable Instant firstDoseAt;

	private @Nullable Instant infusionEndsAt;

	private @Nullable Instant dischargedAt;

	private @Nullable Instant readyToLeaveAt;

	private boolean escortConfirmed;

	private boolean dissociationResolved;

	private @Nullable String dischargedBy;

	private @Nullable UUID dischargedByUserId;

	private @Nullable Instant endedAt;

	/** Null until first saved, which is how the repository tells a new session from an existing one. */
	@Version
	private @Nullable Long version;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(mappedBy = "session", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("ruleId")
	private List<Finding> findings = new ArrayList<>();

	@OneToMany(mappedBy = "session", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("acknowledgedAt")
	private List<Acknowledgement> acknowledgements = new ArrayList<>();

	@OneToMany(mappedBy = "session", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("startedAt")
	private List<Administration> administrations = new ArrayList<>();

	protected DosingSession() {
	}

	DosingSession(ClinicId clinic, UUID patientId, Route route, @Nullable UUID courseId, @Nullable Integer courseSessionNumber,
			@Nullable BigDecimal plannedDoseMg, @Nullable BigDecimal plannedDoseMgPerKg, Instant scheduledStart,
			@Nullable String chairId, String by, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = clinic.value();
		this.patientId = patientId;
		this.route = route;
		this.courseId = courseId;
		this.courseSessionNumber = courseSessionNumber;
		this.plannedDoseMg = plannedDoseMg;
		this.plannedDoseMgPerKg = plannedDoseMgPerKg;
		this.scheduledStart = scheduledStart;
		this.chairId = chairId;
		this.status = SessionStatus.PLANNED;
		this.createdBy = by;
		this.createdAt = now;
		this.updatedAt = now;
		registerEvent(new SessionPlanned(id, clinic, patientId, route, scheduledStart, courseId, courseSessionNumber));
	}

	/** What the nurse records at check-in. */
	record CheckIn(Instant at, @Nullable Instant lastFoodAt, @Nullable Instant lastLiquidAt,
			@Nullable Instant nasalSteroidOrDecongestantAt, @Nullable String escortName, @Nullable String escortPhone,
			VitalSigns vitals) {
	}

	/**
	 * Checks the patient in with the findings of {@link CheckInRules}.
	 *
	 * @throws RuleViolation when a finding blocks; the session then stays PLANNED
	 */
	void checkIn(CheckIn checkIn, List<CheckInRules.Finding> ruleFindings, String by, Instant now) {
		require("check in", SessionStatus.PLANNED);
		List<CheckInRules.Finding> blocks = ruleFindings.stream().filter(f -> f.severity() == CheckInRules.Severity.BLOCK).toList();
		if (!blocks.isEmpty()) {
			throw new RuleViolation("The patient cannot be checked in", ruleFindings.stream().map(DosingSession::finding).toList());
		}
		this.checkedInAt = checkIn.at();
		this.checkedInBy = by;
		this.lastFoodAt = checkIn.lastFoodAt();
		this.lastLiquidAt = checkIn.lastLiquidAt();
		this.nasalSteroidOrDecongestantAt = checkIn.nasalSteroidOrDecongestantAt();
		this.escortName = checkIn.escortName();
		this.escortPhone = checkIn.escortPhone();
		VitalSigns v = checkIn.vitals();
		this.preDoseSbp = v.sbp();
		this.preDoseDbp = v.dbp();
		this.preDoseHr = v.hr();
		this.preDoseSpo2 = v.spo2();
		this.preDoseRr = v.rr();
		ruleFindings.forEach(f -> findings.add(new Finding(this, f)));
		this.status = SessionStatus.CHECKED_IN;
		touch(now);
		registerEvent(new SessionCheckedIn(id, clinic(), patientId, checkIn.at(), awaitingAcknowledgement().size()));
	}

	/**
	 * A physician acknowledges an ACKNOWLEDGE finding with a reason, once; only before dosing, the
	 * moment it matters.
	 */
	void acknowledge(String ruleId, String reason, String by, Instant now) {
		require("acknowledge a check-in finding", SessionStatus.CHECKED_IN);
		boolean known = findings.stream()
			.anyMatch(f -> f.ruleId().equals(ruleId) && f.severity() == CheckInRules.Severity.ACKNOWLEDGE);
		if (!known) {
			throw new InvalidInput("ruleId", "is not a finding of this check-in that needs acknowledging: " + ruleId);
		}
		if (acknowledgements.stream().anyMatch(a -> a.ruleId().equals(ruleId))) {
			throw new Conflict(ruleId + " is already acknowledged");
		}
		acknowledgements.add(new Acknowledgement(this, ruleId, reason, by, now));
		touch(now);
		registerEvent(new FindingAcknowledged(id, clinic(), patientId, ruleId, by, now));
	}

	List<CheckInRules.Finding> awaitingAcknowledgement() {
		return findings.stream()
			.filter(f -> f.severity() == CheckInRules.Severity.ACKNOWLEDGE)
			.filter(f -> acknowledgements.stream().noneMatch(a -> a.ruleId().equals(f.ruleId())))
			.map(Finding::value)
			.toList();
	}

	/**
	 * One administration as charted; the lot is already checked by {@link Lots}.
	 *
	 * @param checkedBy the second member of staff who checked an IV dose, when the clinic asks for one
	 */
	record Given(String lot, BigDecimal doseMg, Instant startedAt, @Nullable Integer durationMinutes, @Nullable Integer deviceNumber,
			@Nullable String checkedBy) {

		Given(String lot, BigDecimal doseMg, Instant startedAt, @Nullable Integer durationMinutes, @Nullable Integer deviceNumber) {
			this(lot, doseMg, startedAt, durationMinutes, deviceNumber, null);
		}
	}

	/**
	 * What the signed order allows: the total dose in mg and, for esketamine, the number of devices.
	 * Null when the session does not come from a course.
	 */
	record Ordered(BigDecimal doseMg, @Nullable Integer devices) {
	}

	record Warning(String code, String message) {
	}

	/**
	 * Records an infusion, an injection or one esketamine device. The first moves the session to
	 * MONITORING, or to DOSING for an IV infusion until its duration ends.
	 */
	List<Warning> administer(Given given, @Nullable Ordered ordered, String by, Instant now) {
		return administer(given, ordered, false, by, now);
	}

	/**
	 * @param secondPersonCheck whether the clinic wants a second member of staff to check an IV dose
	 *        (someone other than the one who records it) before it runs
	 */
	List<Warning> administer(Given given, @Nullable Ordered ordered, boolean secondPersonCheck, String by, Instant now) {
		boolean esketamine = route == Route.IN_ESKETAMINE;
		if (administrations.isEmpty()) {
			require("give a dose", SessionStatus.CHECKED_IN);
		}
		else if (!esketamine) {
			throw new Conflict("A " + route.label() + " session has one administration; it was recorded at "
					+ administrations.get(0).startedAt());
		}
		else {
			require("give another device", SessionStatus.DOSING, SessionStatus.MONITORING, SessionStatus.READY_FOR_DISCHARGE);
		}
		List<CheckInRules.Finding> open = awaitingAcknowledgement();
		if (!open.isEmpty()) {
			throw new RuleViolation("A physician acknowledges every check-in finding before dosing",
					open.stream().map(f -> new RuleFinding(f.ruleId(), f.severity().name(), f.message())).toList());
		}
		if (checkedInAt != null && given.startedAt().isBefore(checkedInAt)) {
			throw new InvalidInput("startedAt", "cannot be before check-in at " + checkedInAt);
		}
		if (secondPersonCheck && route == Route.IV_KETAMINE && (given.checkedBy() == null || given.checkedBy().equals(by))) {
			throw new RuleViolation("A second person checks the IV dose", List.of(new RuleFinding(SECOND_PERSON_CHECK, "BLOCK",
					"This clinic asks a second member of staff, not the one recording it, to check an IV dose (checkedBy).")));
		}
		List<Warning> warnings = new ArrayList<>();
		if (esketamine) {
			esketamineDevice(given, ordered, warnings);
		}
		else {
			racemicDose(given, ordered);
		}
		administrations.add(new Administration(this, given.lot(), given.doseMg(), given.startedAt(), given.durationMinutes(),
				given.deviceNumber(), given.checkedBy(), by, now));
		if (firstDoseAt == null) {
			firstDoseAt = given.startedAt();
			if (route == Route.IV_KETAMINE) {
				infusionEndsAt = given.startedAt().plus(Duration.ofMinutes(given.durationMinutes()));
				status = SessionStatus.DOSING;
			}
			else {
				status = SessionStatus.MONITORING;
			}
		}
		touch(now);
		registerEvent(new DoseAdministered(id, clinic(), patientId, route, given.doseMg(), given.lot(), given.startedAt(),
				given.durationMinutes(), given.deviceNumber()));
		advance(now);
		return warnings;
	}

	private void esketamineDevice(Given given, @Nullable Ordered ordered, List<Warning> warnings) {
		if (given.doseMg().compareTo(DEVICE_MG) != 0) {
			throw new InvalidInput("doseMg", "one esketamine device is 28 mg: post one administration per device");
		}
		Integer device = given.deviceNumber();
		if (device == null) {
			throw new InvalidInput("deviceNumber", "is required for esketamine (1, 2, 3)");
		}
		int allowed = ordered != null && ordered.devices() != null ? ordered.devices() : MAX_DEVICES;
		if (device > allowed) {
			throw new RuleViolation("More devices than ordered", List.of(new RuleFinding(DOSE_MATCHES_ORDER, "BLOCK",
					"The " + (ordered != null ? "signed order" : "label") + " allows " + allowed + " devices ("
							+ DEVICE_MG.multiply(BigDecimal.valueOf(allowed)) + " mg).")));
		}
		if (device != administrations.size() + 1) {
			throw new Conflict("Device " + (administrations.size() + 1) + " is the next one, not " + device);
		}
		if (!administrations.isEmpty()) {
			Instant previous = administrations.get(administrations.size() - 1).startedAt();
			if (!given.startedAt().isAfter(previous)) {
				throw new InvalidInput("startedAt", "must be after the previous device at " + previous);
			}
			if (given.startedAt().isBefore(previous.plus(DEVICE_INTERVAL))) {
				warnings.add(new Warning(DEVICE_INTERVAL_SHORT, "Device " + device + " came "
						+ Duration.between(previous, given.startedAt()).toSeconds() + " seconds after the previous one; the label asks for 5 minutes."));
			}
		}
	}

	private void racemicDose(Given given, @Nullable Ordered ordered) {
		if (given.deviceNumber() != null) {
			throw new InvalidInput("deviceNumber", "is only for esketamine devices");
		}
		if (route == Route.IV_KETAMINE) {
			Integer minutes = given.durationMinutes();
			if (minutes == null || minutes < 1 || minutes > MAX_INFUSION_MINUTES) {
				throw new InvalidInput("durationMinutes", "an IV infusion needs its duration, 1 to " + MAX_INFUSION_MINUTES + " minutes");
			}
		}
		if (ordered != null && ordered.doseMg().compareTo(given.doseMg()) != 0) {
			throw new RuleViolation("The dose differs from the signed order", List.of(new RuleFinding(DOSE_MATCHES_ORDER, "BLOCK",
					"The signed order is " + ordered.doseMg().stripTrailingZeros().toPlainString() + " mg; a different dose needs a new signed order.")));
		}
	}

	/** An IV infusion whose time has run moves on to MONITORING. */
	void advance(Instant now) {
		if (status == SessionStatus.DOSING && infusionEndsAt != null && !now.isBefore(infusionEndsAt)) {
			status = SessionStatus.MONITORING;
			touch(now);
			registerEvent(new InfusionCompleted(id, clinic(), patientId, infusionEndsAt));
		}
	}

	/** Every criterion that does not wait for the clinician's discharge is met. */
	void readyForDischarge(Instant now) {
		if (status == SessionStatus.MONITORING) {
			status = SessionStatus.READY_FOR_DISCHARGE;
			touch(now);
			registerEvent(new SessionReadyForDischarge(id, clinic(), patientId, now));
		}
	}

	/** A reading after the criteria were met shows they no longer are: back to watching. */
	void monitoringResumed(Instant now) {
		if (status == SessionStatus.READY_FOR_DISCHARGE) {
			status = SessionStatus.MONITORING;
			touch(now);
			registerEvent(new SessionMonitoringResumed(id, clinic(), patientId, now));
		}
	}

	record Discharge(Instant dischargedAt, @Nullable Instant readyToLeaveAt, boolean escortConfirmed, boolean dissociationResolved,
			String by, UUID byUserId) {
	}

	/**
	 * @param unmet the discharge criteria not met at the discharge time; any gives 422 with the list
	 */
	void discharge(Discharge discharge, List<DischargeRules.Unmet> unmet, Instant now) {
		require("discharge", SessionStatus.MONITORING, SessionStatus.READY_FOR_DISCHARGE, SessionStatus.DOSING);
		if (!unmet.isEmpty()) {
			throw new RuleViolation("Discharge criteria are not met",
					unmet.stream().map(u -> new RuleFinding(u.ruleId(), "BLOCK", u.message())).toList());
		}
		if (firstDoseAt != null && discharge.dischargedAt().isBefore(firstDoseAt)) {
			throw new InvalidInput("dischargedAt", "cannot be before the first dose at " + firstDoseAt);
		}
		Instant ready = discharge.readyToLeaveAt();
		if (ready != null && firstDoseAt != null && (ready.isBefore(firstDoseAt) || ready.isAfter(discharge.dischargedAt()))) {
			throw new InvalidInput("readyToLeaveAt", "must lie between the first dose and the discharge");
		}
		this.dischargedAt = discharge.dischargedAt();
		this.readyToLeaveAt = ready;
		this.escortConfirmed = discharge.escortConfirmed();
		this.dissociationResolved = discharge.dissociationResolved();
		this.dischargedBy = discharge.by();
		this.dischargedByUserId = discharge.byUserId();
		this.endedAt = discharge.dischargedAt();
		this.status = SessionStatus.DISCHARGED;
		touch(now);
		registerEvent(new SessionDischarged(id, clinic(), patientId, route, discharge.dischargedAt(), ready));
	}

	/** Records the appointment the session was planned from; once, at planning. */
	void plannedFrom(UUID appointment) {
		require("link an appointment", SessionStatus.PLANNED);
		if (appointmentId != null) {
			throw new Conflict("The session is already planned from appointment " + appointmentId);
		}
		this.appointmentId = appointment;
	}

	/** The appointment moved before the patient arrived: the session moves with it. */
	void reschedule(Instant start, @Nullable String chair, Instant now) {
		require("reschedule", SessionStatus.PLANNED);
		Instant previous = scheduledStart;
		this.scheduledStart = start;
		this.chairId = chair;
		touch(now);
		registerEvent(new SessionRescheduled(id, clinic(), patientId, previous, start, chair));
	}

	/** Before any dose: the session does not take place. */
	void cancel(String reason, Instant now) {
		require("cancel", SessionStatus.PLANNED, SessionStatus.CHECKED_IN);
		this.status = SessionStatus.CANCELLED;
		this.statusReason = reason;
		this.endedAt = now;
		touch(now);
		registerEvent(new SessionCancelled(id, clinic(), patientId, reason));
	}

	/** After dosing began: the session stops early. */
	void abort(String reason, Instant now) {
		require("abort", SessionStatus.DOSING, SessionStatus.MONITORING, SessionStatus.READY_FOR_DISCHARGE);
		this.status = SessionStatus.ABORTED;
		this.statusReason = reason;
		this.endedAt = now;
		touch(now);
		registerEvent(new SessionAborted(id, clinic(), patientId, reason));
	}

	void checkVersion(@Nullable Long expected) {
		if (expected != null && !expected.equals(version)) {
			throw new Conflict("The session was changed by someone else (now version " + version + ", you had " + expected
					+ "); reload it");
		}
	}

	private void require(String action, SessionStatus... allowed) {
		for (SessionStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw new Conflict("Cannot " + action + " a session that is " + status);
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	private ClinicId clinic() {
		return new ClinicId(clinicId);
	}

	private static RuleFinding finding(CheckInRules.Finding f) {
		return new RuleFinding(f.ruleId(), f.severity().name(), f.message());
	}

	BigDecimal givenDoseMg() {
		return administrations.stream().map(Administration::doseMg).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	Optional<Acknowledgement> acknowledgementOf(String ruleId) {
		return acknowledgements.stream().filter(a -> a.ruleId().equals(ruleId)).findFirst();
	}

	@Nullable VitalSigns preDoseVitals() {
		return preDoseSbp == null && preDoseHr == null && preDoseSpo2 == null ? null
				: new VitalSigns(preDoseSbp, preDoseDbp, preDoseHr, preDoseSpo2, preDoseRr);
	}

	UUID id() {
		return id;
	}

	UUID clinicId() {
		return clinicId;
	}

	UUID patientId() {
		return patientId;
	}

	@Nullable UUID courseId() {
		return courseId;
	}

	@Nullable Integer courseSessionNumber() {
		return courseSessionNumber;
	}

	Route route() {
		return route;
	}

	@Nullable BigDecimal plannedDoseMg() {
		return plannedDoseMg;
	}

	@Nullable BigDecimal plannedDoseMgPerKg() {
		return plannedDoseMgPerKg;
	}

	Instant scheduledStart() {
		return scheduledStart;
	}

	@Nullable UUID appointmentId() {
		return appointmentId;
	}

	@Nullable String chairId() {
		return chairId;
	}

	SessionStatus status() {
		return status;
	}

	@Nullable String statusReason() {
		return statusReason;
	}

	@Nullable Instant checkedInAt() {
		return checkedInAt;
	}

	@Nullable String checkedInBy() {
		return checkedInBy;
	}

	@Nullable Instant lastFoodAt() {
		return lastFoodAt;
	}

	@Nullable Instant lastLiquidAt() {
		return lastLiquidAt;
	}

	@Nullable Instant nasalSteroidOrDecongestantAt() {
		return nasalSteroidOrDecongestantAt;
	}

	@Nullable String escortName() {
		return escortName;
	}

	@Nullable String escortPhone() {
		return escortPhone;
	}

	@Nullable Instant firstDoseAt() {
		return firstDoseAt;
	}

	@Nullable Instant infusionEndsAt() {
		return infusionEndsAt;
	}

	@Nullable Instant dischargedAt() {
		return dischargedAt;
	}

	@Nullable Instant readyToLeaveAt() {
		return readyToLeaveAt;
	}

	boolean escortConfirmed() {
		return escortConfirmed;
	}

	@Nullable String dischargedBy() {
		return dischargedBy;
	}

	@Nullable UUID dischargedByUserId() {
		return dischargedByUserId;
	}

	@Nullable Instant endedAt() {
		return endedAt;
	}

	long version() {
		return version == null ? 0 : version;
	}

	List<CheckInRules.Finding> findings() {
		return findings.stream().map(Finding::value).toList();
	}

	List<Acknowledgement> acknowledgements() {
		return List.copyOf(acknowledgements);
	}

	List<Administration> administrations() {
		return List.copyOf(administrations);
	}
}
