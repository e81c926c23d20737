package org.ketamineclinic.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A clinical rule blocks the action (422): the body lists each rule's finding so the clinician
 * sees why and, where allowed, what to acknowledge.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class RuleViolation extends RuntimeException {

	/** One rule's reason, as the API shows it. */
	public record RuleFinding(String ruleId, String severity, String message) {
	}

	private final List<RuleFinding> findings;

	public RuleViolation(String message, List<RuleFinding> findings) {
		super(message);
		this.findings = List.copyOf(findings);
	}

	public List<RuleFinding> findings() {
		return findings;
	}
}
