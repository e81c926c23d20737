package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The raw values of a new chart entry, as the API or a form sends them; checked by {@link PatientService}. */
final class ChartEntryDrafts {

	private ChartEntryDrafts() {
	}

	/** Heart rate, respiratory rate and SpO2 come from outside records (imports); the chart's forms give the rest. */
	record MeasurementDraft(@Nullable Instant measuredAt, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
			@Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer heartRate, @Nullable Integer respiratoryRate,
			@Nullable Integer spo2) {

		MeasurementDraft(@Nullable Instant measuredAt, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
				@Nullable Integer sbp, @Nullable Integer dbp) {
			this(measuredAt, weightKg, heightCm, sbp, dbp, null, null, null);
		}

		MeasurementDraft(@Nullable Instant measuredAt, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm) {
			this(measuredAt, weightKg, heightCm, null, null);
		}

		boolean hasAny() {
			return weightKg != null || heightCm != null || sbp != null || dbp != null || heartRate != null
					|| respiratoryRate != null || spo2 != null;
		}
	}

	record ConditionDraft(@Nullable String code, @Nullable String system, @Nullable String display,
			@Nullable LocalDate onsetDate) {
	}

	record HistoryFindingDraft(@Nullable String finding, @Nullable String status, @Nullable String note) {
	}

	record MedicationDraft(@Nullable String name, @Nullable String medicationClass, @Nullable String dose,
			@Nullable LocalDate startDate, @Nullable LocalDate endDate) {
	}

	record TrialDraft(@Nullable String drug, @Nullable String drugClass, @Nullable BigDecimal dailyDoseMg,
			@Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Boolean adherent, @Nullable String outcome,
			@Nullable Boolean currentEpisode) {
	}

	record VoidDraft(@Nullable String reason, @Nullable Long version) {
	}
}
