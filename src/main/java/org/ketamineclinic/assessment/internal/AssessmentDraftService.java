package org.ketamineclinic.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.internal.AssessmentService.AssessmentView;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Half-filled self-reports of the signed-in patient, so that a questionnaire started on a phone
 * can be finished later. A draft is never scored; submitting records the assessment and removes
 * the draft in one transaction.
 */
@Service
@Transactional
class AssessmentDraftService {

	static final String RESOURCE = "AssessmentDraft";

	record SavedDraft(Instrument instrument, List<@Nullable Integer> answers, Instant updatedAt) {
	}

	private final JdbcTemplate jdbc;
	private final AssessmentService assessments;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;

	AssessmentDraftService(JdbcTemplate jdbc, AssessmentService assessments, CurrentUser currentUser, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** The patient's own unfinished questionnaires, by scale. */
	@PreAuthorize("hasRole('PATIENT')")
	@Transactional(readOnly = true)
	Map<Instrument, SavedDraft> mine() {
		UUID patient = ownRecord();
		Map<Instrument, SavedDraft> drafts = new LinkedHashMap<>();
		jdbc.query("SELECT instrument, answers, updated_at FROM assessment_draft WHERE patient_id = ? ORDER BY updated_at DESC",
				row -> {
					Instrument instrument = Instrument.valueOf(row.getString("instrument"));
					drafts.put(instrument, new SavedDraft(instrument, decode(row.getString("answers")),
							row.getTimestamp("updated_at").toInstant()));
				}, patient);
		return drafts;
	}

	@PreAuthorize("hasRole('PATIENT')")
	Optional<SavedDraft> find(Instrument instrument) {
		UUID patient = ownRecord();
		Optional<SavedDraft> draft = jdbc.query(
				"SELECT answers, updated_at FROM assessment_draft WHERE patient_id = ? AND instrument = ?",
				(row, n) -> new SavedDraft(instrument, decode(row.getString("answers")), row.getTimestamp("updated_at").toInstant()),
				patient, instrument.name()).stream().findFirst();
		draft.ifPresent(found -> audit.read(patient, RESOURCE, instrument.name()));
		return draft;
	}

	/** Keeps whatever is answered so far, unanswered items as gaps; replaces an earlier draft of the same scale. */
	@PreAuthorize("hasRole('PATIENT')")
	SavedDraft save(Instrument instrument, List<@Nullable Integer> answers) {
		UUID patient = ownRecord();
		selfReport(instrument);
		Instant now = clock.instant();
		boolean existed = Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM assessment_draft WHERE patient_id = ? AND instrument = ?)", Boolean.class, patient,
				instrument.name()));
		jdbc.update("""
				INSERT INTO assessment_draft (patient_id, instrument, answers, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (patient_id, instrument) DO UPDATE SET answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at""",
				patient, instrument.name(), encode(answers), Timestamp.from(now));
		audit.changed(patient, RESOURCE, instrument.name(), existed ? AuditAction.UPDATE : AuditAction.CREATE);
		return new SavedDraft(instrument, Collections.unmodifiableList(new ArrayList<>(answers)), now);
	}

	/** Records the questionnaire as the patient's own answers and drops the draft, or neither. */
	@PreAuthorize("hasRole('PATIENT')")
	AssessmentView submit(Instrument instrument, List<@Nullable Integer> answers) {
		UUID patient = ownRecord();
		selfReport(instrument);
		AssessmentView recorded = assessments.record(patient,
				new AssessmentService.Draft(instrument.name(), new ArrayList<>(answers), null, null));
		jdbc.update("DELETE FROM assessment_draft WHERE patient_id = ? AND instrument = ?", patient, instrument.name());
		return recorded;
	}

	private UUID ownRecord() {
		ClinicUser user = currentUser.get();
		if (user.patientId() == null) {
			throw new NotFound("Patient", user.userId());
		}
		return user.patientId();
	}

	private void selfReport(Instrument instrument) {
		if (!assessments.scale(instrument).selfReport()) {
			throw new AccessDeniedException("Patients complete only self-report scales");
		}
	}

	static String encode(List<@Nullable Integer> answers) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < answers.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			Integer answer = answers.get(i);
			if (answer != null) {
				text.append(answer);
			}
		}
		return text.toString();
	}

	static List<@Nullable Integer> decode(String text) {
		List<@Nullable Integer> answers = new ArrayList<>();
		Arrays.stream(text.split(",", -1)).forEach(part -> answers.add(part.isBlank() ? null : parse(part.strip())));
		return answers;
	}

	private static @Nullable Integer parse(String part) {
		try {
			return Integer.valueOf(part);
		}
		catch (NumberFormatException unreadable) {
			return null;
		}
	}
}
