package org.ketamineclinic.evaluation.internal;

import java.net.URI;
import java.util.UUID;

import org.ketamineclinic.evaluation.internal.ClinicPolicies.PolicyView;
import org.ketamineclinic.evaluation.internal.RemsService.CertificationView;
import org.ketamineclinic.evaluation.internal.RemsService.EnrollmentView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Clinic policy settings and esketamine REMS (api-contract.md "Evaluation"). */
@RestController
class ClinicPolicyApi {

	private final ClinicPolicies policies;
	private final RemsService rems;

	ClinicPolicyApi(ClinicPolicies policies, RemsService rems) {
		this.policies = policies;
		this.rems = rems;
	}

	@GetMapping("/api/v1/clinic-policy")
	PolicyView policy() {
		return policies.view();
	}

	@PutMapping("/api/v1/clinic-policy/{key}")
	PolicyView change(@PathVariable String key, @RequestBody ClinicPolicies.Change body) {
		return policies.change(key, body);
	}

	@GetMapping("/api/v1/rems/setting")
	CertificationView remsSetting() {
		return rems.setting();
	}

	@PutMapping("/api/v1/rems/setting")
	CertificationView certify(@RequestBody RemsService.CertificationRequest body) {
		return rems.changeSetting(body);
	}

	@PostMapping("/api/v1/patients/{id}/rems-enrollment")
	ResponseEntity<EnrollmentView> enroll(@PathVariable UUID id, @RequestBody RemsService.EnrollmentRequest body) {
		return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/rems-enrollment")).body(rems.enroll(id, body));
	}

	@GetMapping("/api/v1/patients/{id}/rems-enrollment")
	EnrollmentView enrollment(@PathVariable UUID id) {
		return rems.enrollment(id);
	}
}
