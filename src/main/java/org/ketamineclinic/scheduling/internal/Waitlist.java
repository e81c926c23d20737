package org.ketamineclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.notification.Notifications;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.scheduling.AppointmentCancelled;
import org.ketamineclinic.scheduling.AppointmentRescheduled;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.Appointments.AppointmentView;
import org.ketamineclinic.scheduling.internal.AppointmentRows.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients waiting for an earlier time. When a time frees up (a cancellation or a move) it is
 * offered to the waiting entries that fit, in the order they joined, one at a time: an offer
 * expires after {@code clinic.scheduling.waitlist-offer-time} and the next in line gets it.
 * Accepting books the time through {@link Appointments}, or moves the entry's existing
 * appointment there, with every rule and conflict check a booking has.
 */
@Service
class Waitlist {

	private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
	static final String ENTRY = "WaitlistEntry";
	static final String OFFER = "WaitlistOffer";
	static final String ACTOR = "waitlist";
	static final String MAY_JOIN = "hasAnyRole('PATIENT','PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')";

	record JoinRequest(@Nullable UUID patientId, @Nullable String type, @Nullable String from, @Nullable String to,
			@Nullable UUID appointmentId) {
	}

	record Entry(UUID id, UUID patientId, AppointmentType type, LocalDate from, LocalDate to, @Nullable UUID appointmentId, String status,
			Instant joinedAt, String joinedBy) {
	}

	record Offer(UUID id, UUID entryId, UUID patientId, AppointmentType type, Instant slotStart, String status, Instant offeredAt,
			Instant expiresAt, @Nullable UUID appointmentId, @Nullable UUID movesAppointmentId) {
	}

	private final JdbcTemplate jdbc;
	private final AppointmentRows rows;
	private final Appointments appointments;
	private final CurrentUser currentUser;
	private final PatientRegistry patients;
	private final Notifications notifications;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ZoneId zone;
	private final Duration offerTime;
	private final String baseUrl;

	Waitlist(JdbcTemplate jdbc, AppointmentRows rows, Appointments appointments, CurrentUser currentUser, PatientRegistry patients,
			Notifications notifications, AuditTrail audit, TransactionTemplate transactions, Clock clock, ClinicTimeZone zone,
			@Value("${clinic.scheduling.waitlist-offer-time:2h}") Duration offerTime, @Value("${clinic.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.appointments = appointments;
		this.currentUser = currentUser;
		this.patients = patients;
		this.notifications = notifications;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = zone.zone();
		this.offerTime = offerTime;
		this.baseUrl = baseUrl;
	}

	// Joining and leaving

	@PreAuthorize(MAY_JOIN)
	@Transactional
	public Entry join(JoinRequest request) {
		ClinicUser user = currentUser.get();
		FieldChecks checks = new FieldChecks();
		UUID patientId = user.isPatient() ? user.patientId() : request.patientId();
		checks.require("patientId", patientId);
		AppointmentType type;
		LocalDate from;
		LocalDate to;
		Row existing = null;
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		if (request.appointmentId() != null) {
			existing = rows.find(user.clinicId(), request.appointmentId()).filter(a -> user.maySee(a.patientId()))
				.orElseThrow(() -> new NotFound("Appointment", request.appointmentId()));
			if (existing.status() != AppointmentStatus.BOOKED || !existing.start().isAfter(clock.instant())) {
				throw new Conflict("Only a booked appointment still to come can be moved earlier");
			}
			patientId = existing.patientId();
			type = existing.type();
			from = today;
			to = LocalDate.ofInstant(existing.start(), zone);
		}
		else {
			type = checks.check("type", () -> Codes.parse(AppointmentType.class, request.type()));
			from = checks.check("from", () -> ClinicCalendar.date(request.from()));
			to = checks.check("to", () -> ClinicCalendar.date(request.to()));
			if (from != null && to != null) {
				checks.rule(!to.isBefore(from), "to", "must be on or after from");
				checks.rule(!to.isBefore(today), "to", "is in the past");
			}
		}
		checks.throwIfAny();
		UUID patient = java.util.Objects.requireNonNull(patientId);
		if (!user.maySee(patient) || patients.find(patient).isEmpty()) {
			throw new NotFound("Patient", patient);
		}
		if (user.role() == Role.THERAPIST && type != AppointmentType.INTEGRATION_THERAPY) {
			throw new org.springframework.security.access.AccessDeniedException("A therapist books integration therapy only");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.update("INSERT INTO scheduling_waitlist_entry (id, clinic_id, patient_id, type, from_date, to_date, appointment_id, status, "
				+ "joined_at, joined_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)", id, user.clinicId().value(), patient, type.name(),
				from, to, existing == null ? null : existing.id(), Timestamp.from(now), user.username());
		audit.changed(patient, ENTRY, id, AuditAction.CREATE);
		return entry(user.clinicId(), id).orElseThrow();
	}

	@PreAuthorize(MAY_JOIN)
	@Transactional
	public void leave(UUID entryId) {
		ClinicUser user = currentUser.get();
		Entry entry = entry(user.clinicId(), entryId).filter(e -> user.maySee(e.patientId()))
			.orElseThrow(() -> new NotFound(ENTRY, entryId));
		jdbc.update("UPDATE scheduling_waitlist_entry SET status = 'WITHDRAWN', changed_at = ?, changed_by = ? WHERE id = ? AND status = 'WAITING'",
				Timestamp.from(clock.instant()), user.username(), entryId);
		jdbc.update("UPDATE scheduling_waitlist_offer SET status = 'DECLINED', answered_at = ? WHERE entry_id = ? AND status = 'OPEN'",
				Timestamp.from(clock.instant()), entryId);
		audit.changed(entry.patientId(), ENTRY, entryId, AuditAction.VOID);
	}

	/** One patient's waiting entries and their open offers. */
	@PreAuthorize(MAY_JOIN)
	@Transactional
	public List<Entry> entries(UUID patientId) {
		ClinicUser user = currentUser.get();
		if (!user.maySee(patientId)) {
			throw new NotFound("Patient", patientId);
		}
		audit.read(patientId, ENTRY, null);
		return jdbc.query("SELECT * FROM scheduling_waitlist_entry WHERE clinic_id = ? AND patient_id = ? AND status = 'WAITING' ORDER BY joined_at",
				Waitlist::entry, user.clinicId().value(), patientId);
	}

	@PreAuthorize(MAY_JOIN)
	@Transactional
	public List<Offer> openOffers(UUID patientId) {
		ClinicUser user = currentUser.get();
		if (!user.maySee(patientId)) {
			throw new NotFound("Patient", patientId);
		}
		audit.read(patientId, OFFER, null);
		return jdbc.query(OFFERS + "WHERE o.clinic_id = ? AND e.patient_id = ? AND o.status = 'OPEN' AND o.expires_at > ? ORDER BY o.slot_start",
				Waitlist::offer, user.clinicId().value(), patientId, Timestamp.from(clock.instant()));
	}

	@PreAuthorize(MAY_JOIN)
	@Transactional
	public Offer offer(UUID offerId) {
		ClinicUser user = currentUser.get();
		Offer offer = findOffer(user.clinicId(), offerId).filter(o -> user.maySee(o.patientId()))
			.orElseThrow(() -> new NotFound(OFFER, offerId));
		audit.read(offer.patientId(), OFFER, offerId);
		return offer;
	}

	// Offering freed times

	@ApplicationModuleListener
	void on(AppointmentCancelled cancelled) {
		offerFreedTime(cancelled.clinicId(), cancelled.type(), cancelled.start(), clock.instant());
	}

	@ApplicationModuleListener
	void on(AppointmentRescheduled moved) {
		offerFreedTime(moved.clinicId(), moved.type(), moved.previousStart(), clock.instant());
	}

	/**
	 * Offers a free time to the first waiting entry that fits and has not been offered it yet; returns
	 * the offer, or nothing when the time is taken, already on offer or nobody fits.
	 */
	Optional<Offer> offerFreedTime(ClinicId clinic, AppointmentType type, Instant start, Instant now) {
		if (!start.isAfter(now)) {
			return Optional.empty();
		}
		return RunAs.systemActor(clinic, ACTOR, Role.FRONT_DESK, () -> transactions.execute(tx -> {
			LocalDate date = LocalDate.ofInstant(start, zone);
			boolean free = appointments.availability(date, type).slots().stream().anyMatch(s -> s.start().equals(start));
			if (!free) {
				return Optional.<Offer>empty();
			}
			List<UUID> next = jdbc.queryForList("SELECT e.id FROM scheduling_waitlist_entry e LEFT JOIN scheduling_appointment a "
					+ "ON a.id = e.appointment_id WHERE e.clinic_id = ? AND e.type = ? AND e.status = 'WAITING' AND e.from_date <= ? "
					+ "AND e.to_date >= ? AND (e.appointment_id IS NULL OR (a.status = 'BOOKED' AND a.start_at > ?)) "
					+ "AND NOT EXISTS (SELECT 1 FROM scheduling_waitlist_offer o WHERE o.entry_id = e.id AND (o.status = 'OPEN' OR o.slot_start = ?)) "
					+ "AND NOT EXISTS (SELECT 1 FROM scheduling_appointment b WHERE b.patient_id = e.patient_id AND b.status <> 'CANCELLED' "
					+ "AND b.start_at < ? AND b.end_at > ? AND b.id IS DISTINCT FROM e.appointment_id) "
					+ "ORDER BY e.joined_at, e.id LIMIT 1", UUID.class, clinic.value(), type.name(), date, date, Timestamp.from(start),
					Timestamp.from(start), Timestamp.from(start.plus(type.duration())), Timestamp.from(start));
			if (next.isEmpty()) {
				return Optional.<Offer>empty();
			}
			UUID id = UUID.randomUUID();
			int offered = jdbc.update("INSERT INTO scheduling_waitlist_offer (id, clinic_id, entry_id, type, slot_start, status, offered_at, "
					+ "expires_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?) ON CONFLICT DO NOTHING", id, clinic.value(), next.get(0), type.name(),
					Timestamp.from(start), Timestamp.from(now), Timestamp.from(now.plus(offerTime)));
			if (offered == 0) {
				return Optional.<Offer>empty();
			}
			Offer offer = findOffer(clinic, id).orElseThrow();
			audit.changed(offer.patientId(), OFFER, id, AuditAction.CREATE);
			patients.find(offer.patientId()).map(PatientRegistry.PatientSummary::email).filter(e -> !e.isBlank())
				.ifPresent(email -> notifications.email(clinic, email, "An earlier appointment time is free for you",
						"An earlier time for your appointment is free: "
								+ DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH).format(start.atZone(zone))
								+ ". It is held for you until "
								+ DateTimeFormatter.ofPattern("d MMMM 'at' HH:mm", Locale.ENGLISH).format(offer.expiresAt().atZone(zone))
								+ ".\n\nTo take it, sign in and open:\n" + baseUrl + "/portal/appointments\n"));
			return Optional.of(offer);
		}));
	}

	@Scheduled(fixedDelayString = "${clinic.scheduling.waitlist-check-interval:1m}", initialDelayString = "${clinic.scheduling.waitlist-check-interval:1m}")
	public void run() {
		expireOffers(clock.instant());
	}

	/** Ends offers past their time and offers each time to the next in line; returns the new offers. */
	List<Offer> expireOffers(Instant now) {
		record Expired(UUID id, ClinicId clinic, AppointmentType type, Instant start) {
		}
		List<Expired> expired = jdbc.query("UPDATE scheduling_waitlist_offer SET status = 'EXPIRED' WHERE status = 'OPEN' AND expires_at <= ? "
				+ "RETURNING id, clinic_id, type, slot_start", (rs, n) -> new Expired(rs.getObject(1, UUID.class),
						new ClinicId(rs.getObject(2, UUID.class)), AppointmentType.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()),
				Timestamp.from(now));
		List<Offer> next = new java.util.ArrayList<>();
		for (Expired offer : expired) {
			try {
				offerFreedTime(offer.clinic(), offer.type(), offer.start(), now).ifPresent(next::add);
			}
			catch (RuntimeException failed) {
				log.warn("Expired offer {} not passed on ({})", offer.id(), failed.getClass().getSimpleName());
			}
		}
		return next;
	}

	// Answering

	@PreAuthorize(MAY_JOIN)
	public AppointmentView accept(UUID offerId) {
		return accept(offerId, clock.instant());
	}

	/**
	 * Books the offered time (or moves the entry's appointment to it). A time taken meanwhile ends
	 * the offer with 409 and the entry stays on the waitlist.
	 */
	@PreAuthorize(MAY_JOIN)
	public AppointmentView accept(UUID offerId, Instant now) {
		ClinicUser user = currentUser.get();
		Offer offer = findOffer(user.clinicId(), offerId).filter(o -> user.maySee(o.patientId()))
			.orElseThrow(() -> new NotFound(OFFER, offerId));
		if (!"OPEN".equals(offer.status())) {
			throw new Conflict("This offer is no longer open (" + offer.status().toLowerCase() + ")");
		}
		if (!now.isBefore(offer.expiresAt())) {
			throw new Conflict("This offer expired at " + offer.expiresAt() + "; the time has gone to the next person waiting");
		}
		String actor = user.isPatient() ? user.username() + " (portal)" : user.username();
		java.util.function.Supplier<AppointmentView> booking = () -> transactions.execute(tx -> {
				AppointmentView booked;
				if (offer.movesAppointmentId() != null) {
					Row current = rows.find(user.clinicId(), offer.movesAppointmentId()).orElseThrow();
					booked = appointments.reschedule(current.id(), new Appointments.Reschedule(offer.slotStart().toString(),
							"Moved to an earlier time offered from the waitlist", current.version(), null, null, null));
				}
				else {
					booked = appointments.book(new Appointments.NewAppointment(offer.patientId(), offer.type().name(), offer.slotStart().toString(),
							null, null, null, null)).get(0);
				}
				int answered = jdbc.update("UPDATE scheduling_waitlist_offer SET status = 'ACCEPTED', answered_at = ?, appointment_id = ? "
						+ "WHERE id = ? AND status = 'OPEN'", Timestamp.from(now), booked.id(), offerId);
				if (answered == 0) {
					throw new Conflict("This offer was answered or expired meanwhile");
				}
				jdbc.update("UPDATE scheduling_waitlist_entry SET status = 'BOOKED', changed_at = ?, changed_by = ? WHERE id = ?",
						Timestamp.from(now), actor, offer.entryId());
				audit.changed(offer.patientId(), OFFER, offerId, AuditAction.UPDATE);
				return booked;
			});
		try {
			// A patient books through the front desk's checks, named as themselves acting in the portal.
			return user.isPatient() ? RunAs.systemActor(user.clinicId(), actor, Role.FRONT_DESK, booking) : booking.get();
		}
		catch (Conflict | InvalidInput | RuleViolation taken) {
			transactions.executeWithoutResult(tx -> jdbc.update("UPDATE scheduling_waitlist_offer SET status = 'TAKEN', answered_at = ? "
					+ "WHERE id = ? AND status = 'OPEN'", Timestamp.from(now), offerId));
			throw new Conflict("Sorry, that time was taken meanwhile. You stay on the waitlist and will hear about the next free time.");
		}
	}

	@PreAuthorize(MAY_JOIN)
	@Transactional
	public void decline(UUID offerId) {
		ClinicUser user = currentUser.get();
		Offer offer = findOffer(user.clinicId(), offerId).filter(o -> user.maySee(o.patientId()))
			.orElseThrow(() -> new NotFound(OFFER, offerId));
		Instant now = clock.instant();
		int declined = jdbc.update("UPDATE scheduling_waitlist_offer SET status = 'DECLINED', answered_at = ? WHERE id = ? AND status = 'OPEN'",
				Timestamp.from(now), offerId);
		audit.changed(offer.patientId(), OFFER, offerId, AuditAction.UPDATE);
		if (declined == 1) {
			offerFreedTime(user.clinicId(), offer.type(), offer.slotStart(), now);
		}
	}

	// Reading

	private static final String OFFERS = "SELECT o.id, o.entry_id, e.patient_id, o.type, o.slot_start, o.status, o.offered_at, o.expires_at, "
			+ "o.appointment_id, e.appointment_id FROM scheduling_waitlist_offer o JOIN scheduling_waitlist_entry e ON e.id = o.entry_id ";

	private Optional<Offer> findOffer(ClinicId clinic, UUID id) {
		return jdbc.query(OFFERS + "WHERE o.id = ? AND o.clinic_id = ?", Waitlist::offer, id, clinic.value()).stream().findFirst();
	}

	private Optional<Entry> entry(ClinicId clinic, UUID id) {
		return jdbc.query("SELECT * FROM scheduling_waitlist_entry WHERE id = ? AND clinic_id = ?", Waitlist::entry, id, clinic.value())
			.stream().findFirst();
	}

	private static Offer offer(ResultSet rs, int n) throws SQLException {
		return new Offer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				AppointmentType.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8).toInstant(), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class));
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), AppointmentType.valueOf(rs.getString("type")),
				rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class), rs.getObject("appointment_id", UUID.class),
				rs.getString("status"), rs.getTimestamp("joined_at").toInstant(), rs.getString("joined_by"));
	}
}
