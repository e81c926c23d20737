package org.ketamineclinic.protocol.internal;

import org.ketamineclinic.protocol.dosing.DoseCalculation;
import org.ketamineclinic.protocol.dosing.DoseCalculator;
import org.ketamineclinic.protocol.dosing.DoseRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The dose calculator of api-contract.md (protocols and dosing section); physicians and nurses only. */
@RestController
class DosingApi {

	private final DoseCalculator calculator = new DoseCalculator();

	@PostMapping("/api/v1/dosing/calculate")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'NURSE')")
	DoseCalculation calculate(@RequestBody DoseRequest request) {
		return calculator.calculate(request);
	}
}
