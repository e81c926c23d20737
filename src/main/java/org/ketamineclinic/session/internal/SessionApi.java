package org.ketamineclinic.session.internal;

import java.net.URI;
import java.util.UUID;

import org.ketamineclinic.session.internal.SessionService.AcknowledgementForm;
import org.ketamineclinic.session.internal.SessionService.AdministrationForm;
import org.ketamineclinic.session.internal.SessionService.AdverseEventForm;
import org.ketamineclinic.session.internal.SessionService.CheckInForm;
import org.ketamineclinic.session.internal.SessionService.DischargeForm;
import org.ketamineclinic.session.internal.SessionService.ReadingForm;
import org.ketamineclinic.session.internal.SessionService.ReasonForm;
import org.ketamineclinic.session.internal.SessionService.ScaleForm;
import org.ketamineclinic.session.internal.SessionService.SessionForm;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The "Sessions" section of api-contract.md: thin, the service decides. */
@RestController
class SessionApi {

	private final SessionService sessions;
	private final ChairBoard board;
	private final RemsForms remsForms;
	private final SessionNotes notes;

	SessionApi(SessionService sessions, ChairBoard board, RemsForms remsForms, SessionNotes notes) {
		this.sessions = sessions;
		this.board = board;
		this.remsForms = remsForms;
		this.notes = notes;
	}

	@PostMapping("/api/v1/sessions")
	ResponseEntity<SessionService.Created> create(@RequestBody SessionForm form) {
		SessionService.Created created = sessions.create(form);
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + created.id())).body(created);
	}

	/** The patient's dosing sessions, latest first, each with its course session and the appointment it was planned from. */
	@GetMapping("/api/v1/patients/{id}/sessions")
	java.util.List<SessionService.SessionLine> ofPatient(@PathVariable UUID id) {
		return sessions.forPatient(id);
	}

	@GetMapping("/api/v1/sessions/{id}")
	SessionService.SessionView view(@PathVariable UUID id) {
		return sessions.view(id);
	}

	@PostMapping("/api/v1/sessions/{id}/check-in")
	SessionService.CheckInResult checkIn(@PathVariable UUID id, @RequestBody CheckInForm form) {
		return sessions.checkIn(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/acknowledgements")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.CheckInResult acknowledge(@PathVariable UUID id, @RequestBody AcknowledgementForm form) {
		return sessions.acknowledge(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/administrations")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.AdministrationResult administer(@PathVariable UUID id, @RequestBody AdministrationForm form) {
		return sessions.administer(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/vitals")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.ReadingResult vitals(@PathVariable UUID id, @RequestBody ReadingForm form) {
		return sessions.recordVitals(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.ScoreView assessment(@PathVariable UUID id, @RequestBody ScaleForm form) {
		return sessions.recordScale(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/adverse-events")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.AdverseEventResult adverseEvent(@PathVariable UUID id, @RequestBody AdverseEventForm form) {
		return sessions.recordAdverseEvent(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/discharge")
	SessionService.SessionView discharge(@PathVariable UUID id, @RequestBody DischargeForm form) {
		return sessions.discharge(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/cancel")
	SessionService.Created cancel(@PathVariable UUID id, @RequestBody ReasonForm form) {
		return sessions.cancel(id, form);
	}

	@PostMapping("/api/v1/sessions/{id}/abort")
	SessionService.Created abort(@PathVariable UUID id, @RequestBody ReasonForm form) {
		return sessions.abort(id, form);
	}

	@GetMapping("/api/v1/sessions/{id}/rems-form")
	RemsForms.Form remsForm(@PathVariable UUID id) {
		return remsForms.form(id);
	}

	@GetMapping(value = "/api/v1/sessions/{id}/rems-form", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> remsFormPdf(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"rems-monitoring-form-" + id + ".pdf\"")
			.body(remsForms.pdf(id));
	}

	@PostMapping("/api/v1/sessions/{id}/rems-form/submission")
	@ResponseStatus(HttpStatus.CREATED)
	RemsForms.Form submitRemsForm(@PathVariable UUID id, @RequestBody RemsForms.SubmissionForm body) {
		return remsForms.submit(id, body);
	}

	@GetMapping("/api/v1/rems-forms/due")
	java.util.List<RemsForms.Due> remsFormsDue() {
		return remsForms.due();
	}

	@GetMapping("/api/v1/sessions/{id}/note")
	SessionNotes.Note note(@PathVariable UUID id) {
		return notes.note(id);
	}

	@PostMapping("/api/v1/sessions/{id}/note/signature")
	@ResponseStatus(HttpStatus.CREATED)
	SessionNotes.Note signNote(@PathVariable UUID id, @RequestBody SessionNotes.TextForm body) {
		return notes.sign(id, body);
	}

	@PostMapping("/api/v1/sessions/{id}/note/addenda")
	@ResponseStatus(HttpStatus.CREATED)
	SessionNotes.Note addendum(@PathVariable UUID id, @RequestBody SessionNotes.TextForm body) {
		return notes.addendum(id, body);
	}

	@PostMapping("/api/v1/sessions/{id}/alerts/{alertId}/acknowledgement")
	@ResponseStatus(HttpStatus.CREATED)
	SessionService.AlertView acknowledgeAlert(@PathVariable UUID id, @PathVariable UUID alertId,
			@RequestBody SessionService.AlertAcknowledgementForm body) {
		return sessions.acknowledgeAlert(id, alertId, body);
	}

	@GetMapping("/api/v1/board")
	ChairBoard.Board board() {
		return board.today();
	}
}
