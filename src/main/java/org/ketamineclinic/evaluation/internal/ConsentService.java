package org.ketamineclinic.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.Consents;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.PdfDocuments;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.PdfDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned informed-consent documents per route, the patient's typed signature with explicit
 * agreement, and the staff countersignature. Each signature keeps a PDF of exactly what was
 * signed. Texts are never edited: a change is a new version, which needs a new signature.
 */
@Service
@Transactional
class ConsentService implements Consents {

	static final String DOCUMENT = "ConsentDocument";
	static final String SIGNATURE = "ConsentSignature";
	static final String READ_SIGNATURES = "hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK','PATIENT')";
	static final String SIGN = "hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK','PATIENT')";
	static final String COUNTERSIGN = "hasAnyRole('PHYSICIAN','NURSE')";
	static final String PUBLISH = "hasAnyRole('ADMIN','PHYSICIAN')";
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
	private static final UUID NO_CLINIC = new UUID(0, 0);

	record DocumentSummary(String code, int version, Route route, String title) {
	}

	record DocumentView(UUID id, String code, int version, Route route, String title, String body, Instant publishedAt,
			String publishedBy, boolean current) {

		public List<ConsentText.Block> blocks() {
			return ConsentText.blocks(body);
		}
	}

	record PublishRequest(@Nullable String code, @Nullable String route, @Nullable String title, @Nullable String body) {
	}

	record SignRequest(@Nullable String documentCode, @Nullable Integer version, @Nullable String signedAt,
			@Nullable String signerName, @Nullable Boolean agreed) {
	}

	record SignatureView(UUID id, UUID patientId, String documentCode, int documentVersion, Route route, String title,
			String signerName, boolean agreed, Instant signedAt, String clientAddress, String recordedBy, Instant recordedAt,
			@Nullable String countersignedBy, @Nullable Instant countersignedAt, boolean currentVersion, String pdf) {

		public boolean countersigned() {
			return countersignedAt != null;
		}
	}

	record Pdf(String filename, byte[] content) {
	}

	private final JdbcTemplate jdbc;
	private final PatientRegistry patients;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final PdfDocuments pdfs;
	private final Clock clock;
	private final ClinicTimeZone zone;

	ConsentService(JdbcTemplate jdbc, PatientRegistry patients, CurrentUser currentUser, AuditTrail audit, PdfDocuments pdfs,
			Clock clock, ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.pdfs = pdfs;
		this.clock = clock;
		this.zone = zone;
	}

	/** The current version of every document of the caller's clinic, optionally for one route. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	List<DocumentSummary> current(@Nullable String route) {
		Route wanted = null;
		if (route != null && !route.isBlank()) {
			FieldChecks checks = new FieldChecks();
			wanted = checks.check("route", () -> Codes.parse(Route.class, route));
			checks.throwIfAny();
		}
		Route only = wanted;
		return currentDocuments().values().stream()
			.filter(d -> only == null || d.route() == only)
			.map(d -> new DocumentSummary(d.code(), d.version(), d.route(), d.title()))
			.toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	DocumentView document(String code, int version) {
		return findDocument(code, version).orElseThrow(() -> new NotFound(DOCUMENT, code + " version " + version));
	}

	/** Publishes the next version of a document (version 1 for a new code). */
	@PreAuthorize(PUBLISH)
	DocumentView publish(PublishRequest request) {
		FieldChecks checks = new FieldChecks().require("code", request.code())
			.require("title", request.title())
			.require("body", request.body());
		Route route = checks.check("route", () -> Codes.parse(Route.class, request.route()));
		String code = request.code() == null ? "" : request.code().strip();
		checks.rule(code.isEmpty() || code.matches("[A-Z][A-Z0-9_]{2,59}"), "code",
				"must be 3 to 60 capital letters, digits or underscores, starting with a letter")
			.rule(request.title() == null || request.title().strip().length() <= 200, "title", "must be at most 200 characters")
			.rule(request.body() == null || request.body().length() <= 50_000, "body", "must be at most 50000 characters");
		checks.throwIfAny();
		DocumentView latest = currentDocuments().get(code);
		if (latest != null && latest.route() != route) {
			throw new InvalidInput("route", code + " is the consent document for " + latest.route()
					+ "; a document keeps its route across versions");
		}
		ClinicUser user = currentUser.get();
		int version = latest == null ? 1 : latest.version() + 1;
		UUID id = UUID.randomUUID();
		try {
			jdbc.update("""
					INSERT INTO consent_document (id, clinic_id, code, version, route, title, body, published_at, published_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, user.clinicId().value(), code, version, route.name(),
					request.title().strip(), request.body().strip(), Timestamp.from(clock.instant()), user.username());
		}
		catch (DuplicateKeyException raced) {
			throw new Conflict("Version " + version + " of " + code + " was published at the same time; reload and try again");
		}
		return document(code, version);
	}

	/**
	 * Records a signature of the current version of a document: the typed name, the agreement,
	 * when, from which address, and who recorded it (a staff member on the clinic tablet or the
	 * patient). A patient account may sign only for its own record.
	 */
	@PreAuthorize(SIGN)
	SignatureView sign(UUID patientId, SignRequest request, String clientAddress) {
		PatientSummary patient = patients.find(patientId).filter(p -> !p.voided())
			.orElseThrow(() -> new NotFound("Patient", patientId));
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("documentCode", request.documentCode())
			.require("version", request.version())
			.require("signerName", request.signerName());
		checks.rule(request.version() == null || request.version() >= 1, "version", "must be 1 or more")
			.rule(request.signerName() == null || request.signerName().strip().length() <= 200, "signerName",
					"must be at most 200 characters")
			.rule(!Boolean.FALSE.equals(request.agreed()), "agreed",
					"the signer must explicitly agree to the document to sign it");
		Instant signedAt = request.signedAt() == null || request.signedAt().isBlank() ? now
				: checks.check("signedAt", () -> instant(request.signedAt()));
		checks.rule(signedAt == null || !signedAt.isAfter(now.plus(FUTURE_TOLERANCE)), "signedAt",
				"must not be more than 5 minutes in the future");
		checks.throwIfAny();
		String code = request.documentCode().strip();
		DocumentView document = findDocument(code, request.version())
			.orElseThrow(() -> new NotFound(DOCUMENT, code + " version " + request.version()));
		if (!document.current()) {
			DocumentView current = currentDocuments().get(code);
			throw new Conflict("Version " + document.version() + " of " + code + " is no longer current: read and sign version "
					+ current.version() + " instead");
		}
		ClinicUser user = currentUser.get();
		UUID id = UUID.randomUUID();
		String address = clientAddress.length() > 100 ? clientAddress.substring(0, 100) : clientAddress;
		Signature signature = new Signature(id, patientId, document, request.signerName().strip(), signedAt, address,
				user.username(), now, null, null);
		jdbc.update("""
				INSERT INTO consent_signature (id, clinic_id, patient_id, document_id, document_code, document_version, route,
				  signer_name, agreed, signed_at, client_address, recorded_by, recorded_at, pdf)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?)""", id, user.clinicId().value(), patientId, document.id(),
				document.code(), document.version(), document.route().name(), signature.signerName(), Timestamp.from(signedAt),
				address, user.username(), Timestamp.from(now), render(signature, patient));
		audit.changed(patientId, SIGNATURE, id, AuditAction.CREATE);
		return view(signature);
	}

	/** A physician or nurse confirms that the consent discussion took place; once only. */
	@PreAuthorize(COUNTERSIGN)
	SignatureView countersign(UUID id) {
		Signature signature = find(id);
		if (signature.countersignedAt() != null) {
			throw new Conflict("This consent was already countersigned by " + signature.countersignedBy());
		}
		PatientSummary patient = patients.find(signature.patientId())
			.orElseThrow(() -> new NotFound(SIGNATURE, id));
		ClinicUser user = currentUser.get();
		Signature countersigned = signature.countersigned(user.username(), clock.instant());
		int updated = jdbc.update("""
				UPDATE consent_signature SET countersigned_by = ?, countersigned_at = ?, pdf = ?
				WHERE id = ? AND countersigned_at IS NULL""", user.username(), Timestamp.from(countersigned.countersignedAt()),
				render(countersigned, patient), id);
		if (updated != 1) {
			throw new Conflict("This consent was countersigned at the same time by someone else");
		}
		audit.changed(signature.patientId(), SIGNATURE, id, AuditAction.UPDATE);
		return view(countersigned);
	}

	@PreAuthorize(READ_SIGNATURES)
	List<SignatureView> forPatient(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		audit.read(patientId, SIGNATURE, "list");
		return jdbc.query("SELECT * FROM consent_signature WHERE clinic_id = ? AND patient_id = ? ORDER BY recorded_at DESC",
				this::signature, currentUser.clinic().value(), patientId).stream().map(this::view).toList();
	}

	@PreAuthorize(READ_SIGNATURES)
	Pdf pdf(UUID id) {
		Signature signature = find(id);
		byte[] content = jdbc.queryForObject("SELECT pdf FROM consent_signature WHERE id = ?", byte[].class, id);
		audit.read(signature.patientId(), SIGNATURE + "Pdf", id);
		return new Pdf("consent-" + signature.document().code().toLowerCase().replace('_', '-') + "-v"
				+ signature.document().version() + "-" + id + ".pdf", content);
	}

	/** Where a patient stands with one current document: the latest signature of it, if any. */
	record DocumentStatus(DocumentView document, @Nullable SignatureView latest) {

		public boolean signedCurrent() {
			return latest != null && latest.documentVersion() == document.version();
		}

		public boolean complete() {
			return signedCurrent() && latest.countersigned();
		}

		/** Signed an earlier version only: the new version needs a new signature. */
		public boolean outdated() {
			return latest != null && !signedCurrent();
		}
	}

	/** Each current document (for the given routes, or all when none) with the patient's latest signature of it. */
	@PreAuthorize(READ_SIGNATURES)
	List<DocumentStatus> status(UUID patientId, List<Route> routes) {
		List<SignatureView> signatures = forPatient(patientId);
		return currentDocuments().values().stream()
			.filter(d -> routes.isEmpty() || routes.contains(d.route()))
			.map(d -> new DocumentStatus(d, signatures.stream()
				.filter(s -> s.documentCode().equals(d.code()))
				.max(java.util.Comparator.comparing(SignatureView::documentVersion).thenComparing(SignatureView::recordedAt))
				.orElse(null)))
			.toList();
	}

	/** The routes the patient has been evaluated for: the documents of their planned course. */
	@PreAuthorize(READ_SIGNATURES)
	@Transactional(readOnly = true)
	List<Route> evaluatedRoutes(UUID patientId) {
		return jdbc.queryForList("SELECT DISTINCT route FROM evaluation WHERE clinic_id = ? AND patient_id = ? ORDER BY route",
				String.class, currentUser.clinic().value(), patientId).stream().map(Route::valueOf).toList();
	}

	/** The patient a signature belongs to, for redirects after a countersignature. */
	@PreAuthorize(READ_SIGNATURES)
	@Transactional(readOnly = true)
	UUID patientOf(UUID signatureId) {
		return jdbc.query("SELECT patient_id FROM consent_signature WHERE clinic_id = ? AND id = ?",
				(rs, row) -> rs.getObject(1, UUID.class), currentUser.clinic().value(), signatureId).stream().findFirst()
			.orElseThrow(() -> new NotFound(SIGNATURE, signatureId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasCurrentConsent(UUID patientId, Route route) {
		UUID clinic = currentUser.clinic().value();
		List<DocumentView> documents = currentDocuments().values().stream().filter(d -> d.route() == route).toList();
		return !documents.isEmpty() && documents.stream().allMatch(document -> Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM consent_signature WHERE clinic_id = ? AND patient_id = ? AND document_id = ?
				  AND countersigned_at IS NOT NULL)""", Boolean.class, clinic, patientId, document.id())));
	}

	/** The current version of each document code visible to the caller's clinic, by code in title order. */
	Map<String, DocumentView> currentDocuments() {
		Map<String, DocumentView> current = new LinkedHashMap<>();
		for (DocumentView document : jdbc.query("""
				SELECT d.*, TRUE AS current FROM consent_document d
				WHERE (d.clinic_id IS NULL OR d.clinic_id = ?)
				  AND d.version = (SELECT MAX(o.version) FROM consent_document o
				                   WHERE o.code = d.code AND (o.clinic_id IS NULL OR o.clinic_id = ?))
				ORDER BY d.route, d.code""", ConsentService::document, clinicId(), clinicId())) {
			current.putIfAbsent(document.code(), document);
		}
		return current;
	}

	private Optional<DocumentView> findDocument(String code, int version) {
		return jdbc.query("""
				SELECT d.*, d.version = (SELECT MAX(o.version) FROM consent_document o
				                         WHERE o.code = d.code AND (o.clinic_id IS NULL OR o.clinic_id = ?)) AS current
				FROM consent_document d
				WHERE (d.clinic_id IS NULL OR d.clinic_id = ?) AND d.code = ? AND d.version = ?
				ORDER BY d.clinic_id NULLS LAST""", ConsentService::document, clinicId(), clinicId(), code.strip(), version)
			.stream()
			.findFirst();
	}

	private UUID clinicId() {
		return currentUser.find().map(u -> u.clinicId().value()).orElse(NO_CLINIC);
	}

	/** The signature if it belongs to the caller's clinic and, for a patient account, to that patient. */
	private Signature find(UUID id) {
		ClinicUser user = currentUser.get();
		Signature signature = jdbc.query("SELECT * FROM consent_signature WHERE clinic_id = ? AND id = ?", this::signature,
				user.clinicId().value(), id).stream().findFirst().orElse(null);
		if (signature == null || !user.maySee(signature.patientId())) {
			audit.denied(signature == null ? null : signature.patientId(), SIGNATURE, id, AuditAction.READ);
			throw new NotFound(SIGNATURE, id);
		}
		return signature;
	}

	private byte[] render(Signature signature, PatientSummary patient) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone.zone());
		Map<String, Object> model = new HashMap<>();
		model.put("document", signature.document());
		model.put("signature", signature);
		model.put("patient", patient);
		model.put("signedAt", format.format(signature.signedAt()));
		model.put("recordedAt", format.format(signature.recordedAt()));
		model.put("countersignedAt", signature.countersignedAt() == null ? null : format.format(signature.countersignedAt()));
		return pdfs.render("pdf/consent", model);
	}

	private SignatureView view(Signature s) {
		DocumentView d = s.document();
		DocumentView current = currentDocuments().get(d.code());
		return new SignatureView(s.id(), s.patientId(), d.code(), d.version(), d.route(), d.title(), s.signerName(), true,
				s.signedAt(), s.clientAddress(), s.recordedBy(), s.recordedAt(), s.countersignedBy(), s.countersignedAt(),
				current != null && current.version() == d.version(), "/api/v1/consents/" + s.id() + "/pdf");
	}

	private Signature signature(ResultSet rs, int row) throws SQLException {
		UUID documentId = rs.getObject("document_id", UUID.class);
		DocumentView document = jdbc.queryForObject("SELECT d.*, FALSE AS current FROM consent_document d WHERE id = ?",
				ConsentService::document, documentId);
		Timestamp countersignedAt = rs.getTimestamp("countersigned_at");
		return new Signature(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), document,
				rs.getString("signer_name"), rs.getTimestamp("signed_at").toInstant(), rs.getString("client_address"),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("countersigned_by"),
				countersignedAt == null ? null : countersignedAt.toInstant());
	}

	private static DocumentView document(ResultSet rs, int row) throws SQLException {
		return new DocumentView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
				Route.valueOf(rs.getString("route")), rs.getString("title"), rs.getString("body"),
				rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getBoolean("current"));
	}

	private static Instant instant(String value) {
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("must be an ISO-8601 instant such as 2026-11-20T14:05:00Z");
		}
	}

	/** One signature as stored; the PDF template reads it. */
	record Signature(UUID id, UUID patientId, DocumentView document, String signerName, Instant signedAt,
			String clientAddress, String recordedBy, Instant recordedAt, @Nullable String countersignedBy,
			@Nullable Instant countersignedAt) {

		Signature countersigned(String by, Instant at) {
			return new Signature(id, patientId, document, signerName, signedAt, clientAddress, recordedBy, recordedAt, by, at);
		}
	}
}
