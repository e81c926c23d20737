package org.ketamineclinic.audit.internal;

import org.ketamineclinic.audit.ChainVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit/verify")
	@PreAuthorize("hasRole('ADMIN')")
	ChainVerification verify() {
		return log.verify();
	}
}
