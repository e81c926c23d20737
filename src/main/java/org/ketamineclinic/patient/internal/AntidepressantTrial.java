package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.TrialOutcome;

/**
 * One antidepressant tried: the raw facts that treatment-resistance staging judges (clinical
 * reference, section 2). Whether it was adequate is decided by the evaluation, not stored here.
 */
@Entity
@Table(name = "antidepressant_trial")
class AntidepressantTrial extends ClinicalEntry {

	private String drug;

	private @Nullable String drugClass;

	private BigDecimal dailyDoseMg;

	private LocalDate startDate;

	private @Nullable LocalDate endDate;

	private boolean adherent;

	@Enumerated(EnumType.STRING)
	private TrialOutcome outcome;

	private boolean currentEpisode;

	protected AntidepressantTrial() {
	}

	AntidepressantTrial(Patient patient, String drug, @Nullable String drugClass, BigDecimal dailyDoseMg, LocalDate startDate,
			@Nullable LocalDate endDate, boolean adherent, TrialOutcome outcome, boolean currentEpisode, Instant now, String by) {
		super(patient, now, by);
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("cannot end before it starts");
		}
		this.drug = drug;
		this.drugClass = drugClass;
		this.dailyDoseMg = dailyDoseMg;
		this.startDate = startDate;
		this.endDate = endDate;
		this.adherent = adherent;
		this.outcome = outcome;
		this.currentEpisode = currentEpisode;
	}

	String drug() {
		return drug;
	}

	@Nullable String drugClass() {
		return drugClass;
	}

	BigDecimal dailyDoseMg() {
		return dailyDoseMg;
	}

	LocalDate startDate() {
		return startDate;
	}

	@Nullable LocalDate endDate() {
		return endDate;
	}

	boolean adherent() {
		return adherent;
	}

	TrialOutcome outcome() {
		return outcome;
	}

	boolean currentEpisode() {
		return currentEpisode;
	}
}
