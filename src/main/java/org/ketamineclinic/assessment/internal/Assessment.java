package org.ketamineclinic.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.assessment.scales.Score;
import org.ketamineclinic.identity.ClinicId;

/** A completed scale: every answer with its item code, and the score as computed when it was taken. */
@Entity
@Table(name = "assessment")
class Assessment {

	enum Source {
		STAFF, PATIENT
	}

	@Embeddable
	static class Answer {

		private int itemNumber;

		private int answer;

		private @Nullable String loinc;

		protected Answer() {
		}

		Answer(int itemNumber, int answer, @Nullable String loinc) {
			this.itemNumber = itemNumber;
			this.answer = answer;
			this.loinc = loinc;
		}

		int value() {
			return answer;
		}
	}

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	@Enumerated(EnumType.STRING)
	private Instrument instrument;

	private @Nullable Integer total;

	private @Nullable String severity;

	/** One flag a line, "CODE|message": flags are few and always read with their assessment. */
	private String flags;

	private @Nullable String totalLoinc;

	private Instant completedAt;

	private @Nullable UUID sessionId;

	@Enumerated(EnumType.STRING)
	private Source source;

	private Instant createdAt;

	private String createdBy;

	private @Nullable Instant voidedAt;

	private @Nullable String voidedBy;

	private @Nullable String voidReason;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "assessment_item", joinColumns = @JoinColumn(name = "assessment_id"))
	@OrderBy("itemNumber")
	private List<Answer> answers = new ArrayList<>();

	protected Assessment() {
	}

	Assessment(ClinicId clinic, UUID patientId, Scale scale, List<Integer> given, Score score, Instant completedAt,
			@Nullable UUID sessionId, Source source, Instant now, String by) {
		this.id = UUID.randomUUID();
		this.clinicId = clinic.value();
		this.patientId = patientId;
		this.instrument = scale.instrument();
		this.total = score.total();
		this.severity = score.severity();
		this.flags = String.join("\n", score.flags().stream().map(flag -> flag.code() + "|" + flag.message()).toList());
		this.totalLoinc = scale.totalLoinc();
		this.completedAt = completedAt;
		this.sessionId = sessionId;
		this.source = source;
		this.createdAt = now;
		this.createdBy = by;
		List<Scale.Item> items = scale.items();
		for (int i = 0; i < given.size(); i++) {
			answers.add(new Answer(i + 1, given.get(i), i < items.size() ? items.get(i).loinc() : null));
		}
	}

	List<Score.Flag> flagList() {
		if (flags.isEmpty()) {
			return List.of();
		}
		return flags.lines().map(line -> {
			int bar = line.indexOf('|');
			return new Score.Flag(line.substring(0, bar), line.substring(bar + 1));
		}).toList();
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	Instrument instrument() {
		return instrument;
	}

	@Nullable Integer total() {
		return total;
	}

	@Nullable String severity() {
		return severity;
	}

	Instant completedAt() {
		return completedAt;
	}

	@Nullable UUID sessionId() {
		return sessionId;
	}

	Source source() {
		return source;
	}

	String createdBy() {
		return createdBy;
	}

	List<Integer> answers() {
		return answers.stream().map(Answer::value).toList();
	}

}
