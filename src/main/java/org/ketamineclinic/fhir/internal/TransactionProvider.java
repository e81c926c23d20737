package org.ketamineclinic.fhir.internal;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST /fhir with a transaction bundle: a referral's records imported in one database
 * transaction. Physicians only: the bundle carries diagnoses, which only a physician records in
 * the patient module (registering, measuring and taking history are also theirs). Any entry that
 * fails rolls the whole bundle back, so nothing of a bad bundle is stored.
 */
@Component
class TransactionProvider implements FhirOperations {

	private static final Logger log = LoggerFactory.getLogger(TransactionProvider.class);

	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final BundleImport importer;
	private final TransactionTemplate transaction;

	TransactionProvider(CurrentUser currentUser, AuditTrail audit, BundleImport importer, TransactionTemplate transaction) {
		this.currentUser = currentUser;
		this.audit = audit;
		this.importer = importer;
		this.transaction = transaction;
	}

	@Transaction
	public Bundle transaction(@TransactionParam Bundle bundle) {
		ClinicUser user = currentUser.find().orElseThrow(() -> new AuthenticationException("Sign in with a bearer token"));
		if (user.role() != Role.PHYSICIAN) {
			audit.denied(null, "FHIR import", null, AuditAction.CREATE);
			throw new ForbiddenOperationException("The " + user.role().label() + " role may not import records; a physician does");
		}
		if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
			String text = "Only a bundle of type transaction is imported, not "
					+ (bundle.getType() == null ? "one without a type" : bundle.getType().toCode());
			throw new InvalidRequestException(text, BundleImport.outcome(text, OperationOutcome.IssueType.NOTSUPPORTED, -1));
		}
		try {
			return transaction.execute(status -> importer.importBundle(user, bundle));
		}
		catch (BaseServerResponseException refused) {
			throw refused;
		}
		catch (DataAccessException failed) {
			// A database rule the modules' checks did not catch: refused whole, logged by ids only.
			log.warn("FHIR import by user {} rolled back: {}", user.userId(), failed.getClass().getSimpleName());
			String text = "The bundle breaks a rule of the clinic's records and nothing was stored";
			throw new UnprocessableEntityException(text, BundleImport.outcome(text, OperationOutcome.IssueType.PROCESSING, -1));
		}
	}
}
