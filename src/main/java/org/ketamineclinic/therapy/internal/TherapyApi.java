package org.ketamineclinic.therapy.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

/** Therapy sessions, their notes, the integration due list, the setting and the shared journal: thin, the services decide. */
@RestController
class TherapyApi {

	private final TherapySessions sessions;
	private final IntegrationDue due;
	private final TherapySettings settings;
	private final Journal journal;

	TherapyApi(TherapySessions sessions, IntegrationDue due, TherapySettings settings, Journal journal) {
		this.sessions = sessions;
		this.due = due;
		this.settings = settings;
		this.journal = journal;
	}

	@PostMapping("/api/v1/patients/{id}/therapy-sessions")
	ResponseEntity<TherapySessions.TherapySessionView> plan(@PathVariable UUID id, @RequestBody TherapySessions.PlanForm form) {
		TherapySessions.TherapySessionView planned = sessions.plan(id, form);
		return ResponseEntity.created(URI.create("/api/v1/therapy-sessions/" + planned.id())).body(planned);
	}

	@GetMapping("/api/v1/patients/{id}/therapy-sessions")
	List<TherapySessions.Summary> list(@PathVariable UUID id) {
		return sessions.forPatient(id);
	}

	@GetMapping("/api/v1/therapy-sessions/{id}")
	TherapySessions.TherapySessionView view(@PathVariable UUID id) {
		return sessions.view(id);
	}

	@PutMapping("/api/v1/therapy-sessions/{id}/note")
	TherapySessions.TherapySessionView note(@PathVariable UUID id, @RequestBody TherapySessions.NoteForm form) {
		return sessions.saveNote(id, form);
	}

	@PostMapping("/api/v1/therapy-sessions/{id}/signature")
	TherapySessions.TherapySessionView sign(@PathVariable UUID id) {
		return sessions.sign(id);
	}

	@PostMapping("/api/v1/therapy-sessions/{id}/addenda")
	@ResponseStatus(HttpStatus.CREATED)
	TherapySessions.TherapySessionView addendum(@PathVariable UUID id, @RequestBody TherapySessions.TextForm form) {
		return sessions.addendum(id, form);
	}

	@PostMapping("/api/v1/therapy-sessions/{id}/cancel")
	TherapySessions.TherapySessionView cancel(@PathVariable UUID id, @RequestBody TherapySessions.ReasonForm form) {
		return sessions.cancel(id, form);
	}

	@GetMapping("/api/v1/therapy/integration-due")
	List<IntegrationDue.DueItem> integrationDue() {
		return due.open();
	}

	@GetMapping("/api/v1/therapy/settings")
	TherapySettings.SettingView settings() {
		return settings.view();
	}

	@PutMapping("/api/v1/therapy/settings/integration-due-within-hours")
	TherapySettings.SettingView changeSetting(@RequestBody TherapySettings.ChangeForm form) {
		return settings.change(form);
	}

	@GetMapping("/api/v1/patients/{id}/journal")
	List<Journal.SharedEntry> sharedJournal(@PathVariable UUID id) {
		return journal.shared(id);
	}
}
