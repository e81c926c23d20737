package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.protocol.library.Frequency;
import org.ketamineclinic.protocol.library.Phase;
import org.ketamineclinic.protocol.library.PlannedSession;
import org.ketamineclinic.protocol.library.Protocol;
import org.ketamineclinic.protocol.library.ScheduleBlock;
import org.ketamineclinic.protocol.library.SessionPlanner;
import org.ketamineclinic.protocol.library.TitrationAdvisor;

/**
 * A patient's treatment course: the protocol it follows (a copy, so later edits of the protocol do
 * not reach it), its phase, the dose now planned and its sessions. It guards its own rules:
 * sessions are given in order and only in the current phase; maintenance starts only after every
 * induction session is given or cancelled and a response check is recorded; a dose changes only
 * to one of the protocol's steps and every change is a recorded decision with who, when and why.
 */
@Entity
@Table(name = "treatment_course")
class TreatmentCourse {

	enum Status {
		ACTIVE, COMPLETED, STOPPED
	}

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	private String protocolCode;

	/** JSON of the protocol as it was when the course was created. */
	private String protocol;

	@Enumerated(EnumType.STRING)
	private Route route;

	private LocalDate startDate;

	@Enumerated(EnumType.STRING)
	private Phase phase;

	@Enumerated(EnumType.STRING)
	private Status status;

	private BigDecimal currentDose;

	@Enumerated(EnumType.STRING)
	private @Nullable Frequency maintenanceFrequency;

	private @Nullable Instant endedAt;

	/** Null until first saved, which is how the repository tells a new course from an existing one. */
	@Version
	private @Nullable Long version;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(mappedBy = "course", cascade = CascadeType.ALL)
	@OrderBy("number")
	private List<CourseSession> sessions = new ArrayList<>();

	@OneToMany(mappedBy = "course", cascade = CascadeType.PERSIST)
	@OrderBy("seq")
	private List<CourseDecision> decisions = new ArrayList<>();

	protected TreatmentCourse() {
	}

	TreatmentCourse(UUID clinicId, UUID patientId, Protocol protocol, String protocolJson, LocalDate startDate,
			BigDecimal startDose, String by, Instant now) {
		this.id = UUID.randomUUID();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.protocolCode = protocol.code();
		this.protocol = protocolJson;
		this.route = protocol.route();
		this.startDate = startDate;
		this.phase = Phase.INDUCTION;
		this.status = Status.ACTIVE;
		this.currentDose = startDose;
		this.createdBy = by;
		this.createdAt = now;
		this.updatedAt = now;
		List<ScheduleBlock> blocks = new ArrayList<>(protocol.induction());
		blocks.addAll(protocol.maintenance());
		for (PlannedSession planned : SessionPlanner.plan(blocks, startDate, 1)) {
			sessions.add(new CourseSession(this, planned, startDose));
		}
		decide(CourseDecision.Kind.COURSE_STARTED, null, null, plain(startDose), null, null, by, now);
	}

	/**
	 * Records that the next planned session was given, with what matters for titration.
	 *
	 * @throws Conflict when the course is not active, the session is not the next planned one, or it belongs to the next phase
	 */
	CourseSession recordGiven(int number, Instant at, BigDecimal doseMg, boolean severeDissociation, boolean bloodPressureAlert,
			@Nullable UUID sessionId, String by, Instant now) {
		requireActive();
		CourseSession next = nextPlanned().orElseThrow(() -> new Conflict("Every session of this course is given or cancelled"));
		if (next.number() != number) {
			throw new Conflict("Session " + number + " is not the next planned session of this course; session "
					+ next.number() + " is");
		}
		if (next.phase() != phase) {
			throw new Conflict("Session " + number + " is a " + next.phase() + " session; the course is in " + phase
					+ ": record the end-of-induction response check first");
		}
		lastGiven().ifPresent(previous -> {
			if (!at.isAfter(previous.givenAt())) {
				throw new InvalidInput("givenAt", "must be after session " + previous.number() + " was given");
			}
		});
		next.given(at, doseMg, severeDissociation, bloodPressureAlert, sessionId, by);
		this.updatedAt = now;
		return next;
	}

	/** Moves the dose of every session still planned to a step of the protocol, as a recorded decision. */
	void changeDose(Protocol protocol, BigDecimal toDose, CourseDecision.Kind kind, @Nullable String ruleId, @Nullable String reason,
			String by, Instant now) {
		requireActive();
		if (!protocol.isStep(toDose)) {
			throw new InvalidInput("toDose", "must be one of the protocol's steps: "
					+ protocol.titrationSteps().stream().map(TreatmentCourse::plain).toList() + " " + protocol.doseUnit().symbol());
		}
		if (toDose.compareTo(currentDose) == 0) {
			throw new Conflict("The course is already at " + plain(toDose) + " " + protocol.doseUnit().symbol());
		}
		String from = plain(currentDose);
		this.currentDose = toDose;
		sessions.stream().filter(CourseSession::planned).forEach(session -> session.replan(toDose));
		decide(kind, ruleId, from, plain(toDose), reason, null, by, now);
	}

	void dismissSuggestion(TitrationAdvisor.Suggestion suggestion, String reason, String by, Instant now) {
		requireActive();
		decide(CourseDecision.Kind.TITRATION_DISMISSED, suggestion.rule().name(), plain(suggestion.fromDose()),
				plain(suggestion.toDose()), reason, null, by, now);
	}

	/**
	 * The end-of-induction check: every induction session given or cancelled, then either maintenance
	 * starts (replanned from the day after the last induction session, if that is later than planned)
	 * or the course ends.
	 */
	void checkResponse(Protocol protocol, boolean startMaintenance, String detailJson, @Nullable String note, ZoneId zone,
			String by, Instant now) {
		requireActive();
		if (phase != Phase.INDUCTION) {
			throw new Conflict("The end-of-induction response check is already recorded; the course is in " + phase);
		}
		List<Integer> open = sessions.stream().filter(s -> s.phase() == Phase.INDUCTION && s.planned()).map(CourseSession::number)
			.toList();
		if (!open.isEmpty()) {
			throw new Conflict("Induction sessions " + open + " are not given yet: give or cancel them before the response check");
		}
		if (startMaintenance && !protocol.hasMaintenance()) {
			throw new InvalidInput("decision", "the protocol " + protocol.code() + " has no maintenance phase"
					+ " (beyond its induction it has not been evaluated); end the course or start a new one");
		}
		decide(CourseDecision.Kind.RESPONSE_CHECK, null, null, startMaintenance ? "START_MAINTENANCE" : "END_COURSE", note,
				detailJson, by, now);
		if (!startMaintenance) {
			end(Status.COMPLETED, now);
			return;
		}
		this.phase = Phase.MAINTENANCE;
		List<ScheduleBlock> blocks = protocol.maintenance();
		this.maintenanceFrequency = frequencyOf(blocks.get(blocks.size() - 1));
		List<CourseSession> maintenance = sessions.stream().filter(s -> s.phase() == Phase.MAINTENANCE && s.planned()).toList();
		LocalDate plannedStart = maintenance.isEmpty() ? startDate : maintenance.get(0).earliestDate();
		LocalDate afterInduction = lastGiven().map(s -> s.givenAt().atZone(zone).toLocalDate().plusDays(1)).orElse(plannedStart);
		if (afterInduction.isAfter(plannedStart)) {
			maintenance.forEach(CourseSession::cancel);
			addPlanned(SessionPlanner.plan(blocks, afterInduction, nextNumber()));
		}
		decide(CourseDecision.Kind.MAINTENANCE_STARTED, null, null, maintenanceFrequency == null ? null : maintenanceFrequency.name(),
				null, null, by, now);
	}

	/**
	 * A new maintenance rhythm: the sessions still planned are cancelled and the protocol's number of
	 * sessions ahead are planned at the new frequency, the first one frequency-days after the last
	 * given session (not before today).
	 */
	void changeMaintenanceFrequency(Protocol protocol, Frequency frequency, String reason, LocalDate today, ZoneId zone, String by,
			Instant now) {
		requireActive();
		if (phase != Phase.MAINTENANCE) {
			throw new Conflict("The maintenance frequency can change only in maintenance; the course is in " + phase);
		}
		if (!protocol.maintenanceFrequencies().contains(frequency)) {
			throw new InvalidInput("frequency", "must be one of " + protocol.maintenanceFrequencies() + " for " + protocol.code());
		}
		if (frequency == maintenanceFrequency) {
			throw new Conflict("Maintenance is already " + frequency.label());
		}
		LocalDate from = lastGiven().map(s -> s.givenAt().atZone(zone).toLocalDate().plusDays(frequency.days())).orElse(today);
		if (from.isBefore(today)) {
			from = today;
		}
		sessions.stream().filter(CourseSession::planned).forEach(CourseSession::cancel);
		addPlanned(SessionPlanner.plan(List.of(ScheduleBlock.every(Phase.MAINTENANCE, frequency, protocol.sessionsPlannedAhead(),
				"Maintenance " + frequency.label())), from, nextNumber()));
		String old = maintenanceFrequency == null ? null : maintenanceFrequency.name();
		this.maintenanceFrequency = frequency;
		decide(CourseDecision.Kind.MAINTENANCE_FREQUENCY_CHANGED, null, old, frequency.name(), reason, null, by, now);
	}

	void stop(String reason, String by, Instant now) {
		requireActive();
		decide(CourseDecision.Kind.COURSE_ENDED, null, status.name(), Status.STOPPED.name(), reason, null, by, now);
		end(Status.STOPPED, now);
	}

	/** The given sessions in order, as the titration advisor reads them. */
	List<TitrationAdvisor.GivenSession> givenForAdvice() {
		return sessions.stream().filter(CourseSession::isGiven)
			.map(s -> new TitrationAdvisor.GivenSession(s.number(), doseInProtocolUnit(s), s.severeDissociation(),
					s.bloodPressureAlert()))
			.toList();
	}

	/** The latest session a titration decision was recorded after; 0 for none. */
	int lastTitrationDecisionSession() {
		return decisions.stream().filter(CourseDecision::isTitration).mapToInt(CourseDecision::afterSession).max().orElse(0);
	}

	Optional<CourseSession> session(int number) {
		return sessions.stream().filter(s -> s.number() == number).findFirst();
	}

	Optional<CourseSession> nextPlanned() {
		return sessions.stream().filter(CourseSession::planned).findFirst();
	}

	Optional<CourseSession> lastGiven() {
		return sessions.stream().filter(CourseSession::isGiven).max(Comparator.comparingInt(CourseSession::number));
	}

	Optional<LocalDate> firstDosingDay(ZoneId zone) {
		return sessions.stream().filter(CourseSession::isGiven).findFirst().map(s -> s.givenAt().atZone(zone).toLocalDate());
	}

	boolean active() {
		return status == Status.ACTIVE;
	}

	private void requireActive() {
		if (status != Status.ACTIVE) {
			throw new Conflict("The course is " + status + "; nothing more can be recorded on it");
		}
	}

	private void end(Status to, Instant now) {
		this.status = to;
		this.endedAt = now;
		sessions.stream().filter(CourseSession::planned).forEach(CourseSession::cancel);
		this.updatedAt = now;
	}

	private void decide(CourseDecision.Kind kind, @Nullable String ruleId, @Nullable String from, @Nullable String to,
			@Nullable String reason, @Nullable String detail, String by, Instant now) {
		int after = lastGiven().map(CourseSession::number).orElse(0);
		decisions.add(new CourseDecision(this, kind, after, ruleId, from, to, reason, detail, by, now));
		this.updatedAt = now;
	}

	private void addPlanned(List<PlannedSession> planned) {
		planned.forEach(p -> sessions.add(new CourseSession(this, p, currentDose)));
	}

	private int nextNumber() {
		return sessions.stream().mapToInt(CourseSession::number).max().orElse(0) + 1;
	}

	/** Given doses are stored in mg; the advisor compares them with the planned dose in the protocol's unit. */
	private BigDecimal doseInProtocolUnit(CourseSession session) {
		return route.racemic() ? session.plannedDose() : session.givenDoseMg();
	}

	private static @Nullable Frequency frequencyOf(ScheduleBlock block) {
		int days = block.slowestDays() / block.sessions();
		for (Frequency f : Frequency.values()) {
			if (f.days() == days) {
				return f;
			}
		}
		return null;
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
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

	String protocolCode() {
		return protocolCode;
	}

	String protocolJson() {
		return protocol;
	}

	Route route() {
		return route;
	}

	LocalDate startDate() {
		return startDate;
	}

	Phase phase() {
		return phase;
	}

	Status status() {
		return status;
	}

	BigDecimal currentDose() {
		return currentDose;
	}

	@Nullable Frequency maintenanceFrequency() {
		return maintenanceFrequency;
	}

	@Nullable Instant endedAt() {
		return endedAt;
	}

	long version() {
		return version == null ? 0 : version;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	List<CourseSession> sessions() {
		return List.copyOf(sessions);
	}

	List<CourseDecision> decisions() {
		return List.copyOf(decisions);
	}
}
