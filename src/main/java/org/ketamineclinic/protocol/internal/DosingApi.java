package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.CurrentPolicy;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.protocol.dosing.DoseCalculation;
import org.ketamineclinic.protocol.dosing.DoseCalculator;
import org.ketamineclinic.protocol.dosing.DoseContext;
import org.ketamineclinic.protocol.dosing.DoseRequest;
import org.ketamineclinic.protocol.library.Protocol;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dose calculator of api-contract.md (protocols and dosing section); physicians and nurses
 * only. Without {@code dosingWeight} the clinic's policy decides which weight is used. The optional
 * context ({@code weightMeasuredAt}, {@code protocol}, {@code earlierDosesMg}, {@code ageYears})
 * turns on the warnings that need it.
 */
@RestController
class DosingApi {

	record CalculateForm(@Nullable Route route, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
			@Nullable SexAtBirth sexAtBirth, @Nullable DosingWeight dosingWeight, @Nullable BigDecimal doseMgPerKg,
			@Nullable BigDecimal doseMg, @Nullable Integer infusionMinutes, @Nullable BigDecimal vialConcentrationMgPerMl,
			@Nullable BigDecimal bagVolumeMl, @Nullable Instant weightMeasuredAt, @Nullable String protocol,
			@Nullable List<BigDecimal> earlierDosesMg, @Nullable Integer ageYears) {
	}

	private final DoseCalculator calculator = new DoseCalculator();
	private final CurrentPolicy policies;
	private final CurrentUser currentUser;
	private final ProtocolLibrary library;
	private final java.time.Clock clock;

	DosingApi(CurrentPolicy policies, CurrentUser currentUser, ProtocolLibrary library, java.time.Clock clock) {
		this.policies = policies;
		this.currentUser = currentUser;
		this.library = library;
		this.clock = clock;
	}

	@PostMapping("/api/v1/dosing/calculate")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'NURSE')")
	DoseCalculation calculate(@RequestBody CalculateForm form) {
		ClinicPolicy policy = policies.current(currentUser.clinic());
		Protocol protocol = form.protocol() == null || form.protocol().isBlank() ? null
				: library.find(currentUser.clinic(), form.protocol().strip())
					.orElseThrow(() -> new InvalidInput("protocol", "is not a protocol of this clinic: " + form.protocol()))
					.protocol();
		if (protocol != null && form.route() != null && protocol.route() != form.route()) {
			throw new InvalidInput("protocol", "is a " + protocol.route() + " protocol, not " + form.route());
		}
		Integer age = form.ageYears();
		if (age != null && (age < 0 || age > 130)) {
			throw new InvalidInput("ageYears", "must be 0 to 130");
		}
		DosingWeight basis = form.dosingWeight() != null ? form.dosingWeight() : policy.dosingWeight();
		DoseRequest request = new DoseRequest(form.route(), form.weightKg(), form.heightCm(), form.sexAtBirth(), basis,
				form.doseMgPerKg(), form.doseMg(), form.infusionMinutes(), form.vialConcentrationMgPerMl(), form.bagVolumeMl());
		DoseContext context = new DoseContext(form.weightMeasuredAt(), clock.instant(), policy.maxWeightAgeDays(),
				protocol == null ? null : protocol.maxDose(), protocol == null ? null : protocol.doseUnit(),
				protocol != null ? protocol.requires56Before84() : form.route() == Route.IN_ESKETAMINE && form.earlierDosesMg() != null,
				form.earlierDosesMg() == null ? List.of() : form.earlierDosesMg(),
				age, policy.olderAdultEsketamineStartsAt28());
		return calculator.calculate(request, context);
	}
}
