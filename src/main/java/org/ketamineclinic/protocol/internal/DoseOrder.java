package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.Sha256;
import org.ketamineclinic.protocol.dosing.DoseCalculation;

/**
 * A physician's signed order for one session's dose, holding everything the dose was computed from
 * and a SHA-256 of that content taken at signing. The database refuses any change except voiding a
 * current order once, with a reason; a corrected dose is a new order.
 */
@Entity
@Table(name = "dose_order")
class DoseOrder {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	private UUID courseId;

	private int sessionNumber;

	@Enumerated(EnumType.STRING)
	private Route route;

	private BigDecimal doseMg;

	private @Nullable BigDecimal doseMgPerKg;

	@Enumerated(EnumType.STRING)
	private @Nullable DosingWeight dosingWeight;

	private @Nullable BigDecimal dosingWeightKg;

	private @Nullable BigDecimal weightKg;

	private @Nullable Instant weightMeasuredAt;

	private @Nullable Integer infusionMinutes;

	private @Nullable BigDecimal vialMgPerMl;

	private @Nullable BigDecimal bagVolumeMl;

	private @Nullable BigDecimal drawVolumeMl;

	private @Nullable BigDecimal infusionRateMlPerHour;

	private @Nullable BigDecimal doseRateMgPerMinute;

	private @Nullable Integer devices;

	/** JSON: the warnings as the physician saw them when signing. */
	private String warnings;

	private boolean hardStop;

	private @Nullable String overrideReason;

	private String signedBy;

	private Instant signedAt;

	private String contentSha256;

	private @Nullable Instant voidedAt;

	private @Nullable String voidedBy;

	private @Nullable String voidReason;

	protected DoseOrder() {
	}

	DoseOrder(TreatmentCourse course, int sessionNumber, @Nullable BigDecimal doseMgPerKg, @Nullable DosingWeight dosingWeight,
			@Nullable BigDecimal weightKg, @Nullable Instant weightMeasuredAt, @Nullable Integer infusionMinutes,
			@Nullable BigDecimal vialMgPerMl, @Nullable BigDecimal bagVolumeMl, DoseCalculation calculation, String warningsJson,
			@Nullable String overrideReason, String signedBy, Instant signedAt) {
		if (calculation.hardStop() && (overrideReason == null || overrideReason.isBlank())) {
			throw new IllegalStateException("a hard stop needs an override reason");
		}
		this.id = UUID.randomUUID();
		this.clinicId = course.clinicId();
		this.patientId = course.patientId();
		this.courseId = course.id();
		this.sessionNumber = sessionNumber;
		this.route = course.route();
		this.doseMg = calculation.doseMg();
		this.doseMgPerKg = doseMgPerKg;
		this.dosingWeight = doseMgPerKg == null ? null : dosingWeight;
		this.dosingWeightKg = doseMgPerKg == null ? null : calculation.dosingWeightKg();
		this.weightKg = weightKg;
		this.weightMeasuredAt = weightMeasuredAt;
		this.infusionMinutes = infusionMinutes;
		this.vialMgPerMl = vialMgPerMl;
		this.bagVolumeMl = bagVolumeMl;
		this.drawVolumeMl = calculation.drawVolumeMl();
		this.infusionRateMlPerHour = calculation.infusionRateMlPerHour();
		this.doseRateMgPerMinute = calculation.doseRateMgPerMinute();
		this.devices = calculation.devices();
		this.warnings = warningsJson;
		this.hardStop = calculation.hardStop();
		this.overrideReason = overrideReason;
		this.signedBy = signedBy;
		this.signedAt = signedAt;
		this.contentSha256 = Sha256.hex(content());
	}

	void voidOrder(String reason, String by, Instant now) {
		if (voidedAt != null) {
			throw new Conflict("The order is already void");
		}
		this.voidedAt = now;
		this.voidedBy = by;
		this.voidReason = reason;
	}

	/** What the signature covers, in a fixed order: change any of it and the hash no longer matches. */
	String content() {
		return String.join("|", id.toString(), patientId.toString(), courseId.toString(), Integer.toString(sessionNumber),
				route.name(), doseMg.toPlainString(), str(doseMgPerKg), str(dosingWeight), str(dosingWeightKg), str(weightKg),
				str(weightMeasuredAt), str(infusionMinutes), str(vialMgPerMl), str(bagVolumeMl), str(drawVolumeMl),
				str(infusionRateMlPerHour), str(doseRateMgPerMinute), str(devices), warnings, Boolean.toString(hardStop),
				str(overrideReason), signedBy, signedAt.toString());
	}

	boolean signatureIntact() {
		return Sha256.hex(content()).equals(contentSha256);
	}

	private static String str(@Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return value == null ? "" : value.toString();
	}

	UUID id() {
		return id;
	}

	UUID courseId() {
		return courseId;
	}

	UUID patientId() {
		return patientId;
	}

	int sessionNumber() {
		return sessionNumber;
	}

	Route route() {
		return route;
	}

	BigDecimal doseMg() {
		return doseMg;
	}

	@Nullable BigDecimal doseMgPerKg() {
		return doseMgPerKg;
	}

	@Nullable DosingWeight dosingWeight() {
		return dosingWeight;
	}

	@Nullable BigDecimal dosingWeightKg() {
		return dosingWeightKg;
	}

	@Nullable BigDecimal weightKg() {
		return weightKg;
	}

	@Nullable Instant weightMeasuredAt() {
		return weightMeasuredAt;
	}

	@Nullable Integer infusionMinutes() {
		return infusionMinutes;
	}

	@Nullable BigDecimal vialMgPerMl() {
		return vialMgPerMl;
	}

	@Nullable BigDecimal bagVolumeMl() {
		return bagVolumeMl;
	}

	@Nullable BigDecimal drawVolumeMl() {
		return drawVolumeMl;
	}

	@Nullable BigDecimal infusionRateMlPerHour() {
		return infusionRateMlPerHour;
	}

	@Nullable BigDecimal doseRateMgPerMinute() {
		return doseRateMgPerMinute;
	}

	@Nullable Integer devices() {
		return devices;
	}

	String warnings() {
		return warnings;
	}

	boolean hardStop() {
		return hardStop;
	}

	@Nullable String overrideReason() {
		return overrideReason;
	}

	String signedBy() {
		return signedBy;
	}

	Instant signedAt() {
		return signedAt;
	}

	String contentSha256() {
		return contentSha256;
	}

	@Nullable Instant voidedAt() {
		return voidedAt;
	}

	@Nullable String voidedBy() {
		return voidedBy;
	}

	@Nullable String voidReason() {
		return voidReason;
	}
}
