package org.ketamineclinic.audit.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditOutcome;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.AccessDenied;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.SignInAttempted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class AuditTrailService implements AuditTrail {

	private final AuditLog log;
	private final CurrentUser currentUser;

	AuditTrailService(AuditLog log, CurrentUser currentUser) {
		this.log = log;
		this.currentUser = currentUser;
	}

	@Override
	public void read(@Nullable UUID patientId, String resourceType, @Nullable Object resourceId) {
		log.append(draft(currentUser.find().orElse(null), patientId, resourceType, resourceId, AuditAction.READ,
				AuditOutcome.SUCCESS, clientAddress()));
	}

	@Override
	public void searched(String resourceType, int resultCount) {
		// The search text may be a name: only the number of results is kept.
		log.append(draft(currentUser.find().orElse(null), null, resourceType, resultCount + " results", AuditAction.SEARCH,
				AuditOutcome.SUCCESS, clientAddress()));
	}

	@Override
	public void changed(UUID patientId, String resourceType, Object resourceId, AuditAction action) {
		log.append(draft(currentUser.find().orElse(null), patientId, resourceType, resourceId, action, AuditOutcome.SUCCESS,
				clientAddress()));
	}

	@Override
	public void denied(@Nullable UUID patientId, String resourceType, @Nullable Object resourceId, AuditAction action) {
		log.appendAlone(draft(currentUser.find().orElse(null), patientId, resourceType, resourceId, action,
				AuditOutcome.DENIED, clientAddress()));
	}

	@EventListener
	void on(AccessDenied denied) {
		log.appendAlone(draft(denied.user(), null, "Endpoint", denied.method() + " " + truncate(denied.path(), 180),
				AuditAction.ACCESS, AuditOutcome.DENIED, denied.clientAddress()));
	}

	@EventListener
	void on(SignInAttempted attempt) {
		ClinicUser user = attempt.user();
		AuditLog.Draft draft = user != null
				? draft(user, null, "Account", attempt.channel(), AuditAction.SIGN_IN,
						attempt.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, attempt.clientAddress())
				: new AuditLog.Draft(null, attempt.username(), null, null, null, "Account", attempt.channel(),
						AuditAction.SIGN_IN.name(), AuditOutcome.DENIED.name(), attempt.clientAddress());
		log.append(draft);
	}

	private static AuditLog.Draft draft(@Nullable ClinicUser user, @Nullable UUID patientId, String resourceType,
			@Nullable Object resourceId, AuditAction action, AuditOutcome outcome, @Nullable String clientAddress) {
		return new AuditLog.Draft(user == null ? null : user.userId(), user == null ? null : user.username(),
				user == null ? null : user.role().name(), user == null ? null : user.clinicId().value(), patientId, resourceType,
				resourceId == null ? null : truncate(resourceId.toString(), 200), action.name(), outcome.name(), clientAddress);
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}
}
