package org.ketamineclinic.evaluation.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ketamineclinic.assessment.DepressionScales;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.internal.EvaluationService.EvaluationView;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.PdfDocuments;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.PdfDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prior-authorisation summary payers ask for (clinical reference section 2): the patient,
 * diagnoses, every antidepressant trial with its adequacy judgement, the baseline rating, and the
 * evaluation's findings and sign-off, as a PDF.
 */
@Service
@Transactional
class PriorAuthorisation {

	private final EvaluationService evaluations;
	private final PatientRegistry patients;
	private final DepressionScales scales;
	private final PdfDocuments pdfs;
	private final AuditTrail audit;
	private final ClinicTimeZone zone;

	PriorAuthorisation(EvaluationService evaluations, PatientRegistry patients, DepressionScales scales, PdfDocuments pdfs,
			AuditTrail audit, ClinicTimeZone zone) {
		this.evaluations = evaluations;
		this.patients = patients;
		this.scales = scales;
		this.pdfs = pdfs;
		this.audit = audit;
		this.zone = zone;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	ConsentService.Pdf summary(UUID evaluationId) {
		EvaluationView evaluation = evaluations.get(evaluationId);
		PatientSummary patient = patients.find(evaluation.patientId())
			.orElseThrow(() -> new NotFound(EvaluationService.RESOURCE, evaluationId));
		List<PatientRegistry.ConditionEntry> diagnoses = patients.conditions(evaluation.patientId());
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone.zone());
		Map<String, Object> model = new HashMap<>();
		model.put("evaluation", evaluation);
		model.put("patient", patient);
		model.put("diagnoses", diagnoses);
		model.put("baseline", scales.latest(evaluation.patientId()).orElse(null));
		model.put("format", format);
		model.put("createdAt", format.format(evaluation.createdAt()));
		model.put("signedAt", evaluation.signedOff() == null ? null : format.format(evaluation.signedOff().at()));
		audit.read(evaluation.patientId(), "PriorAuthorisation", evaluationId);
		return new ConsentService.Pdf("prior-authorisation-" + patient.mrn() + "-" + evaluationId + ".pdf",
				pdfs.render("pdf/prior-authorisation", model));
	}

	@RestController
	static class Api {

		private final PriorAuthorisation summaries;

		Api(PriorAuthorisation summaries) {
			this.summaries = summaries;
		}

		/** The API path takes a bearer token; the page path serves the same PDF to a signed-in browser. */
		@GetMapping(path = { "/api/v1/evaluations/{id}/prior-authorisation", "/evaluations/{id}/prior-authorisation.pdf" })
		ResponseEntity<byte[]> summary(@PathVariable UUID id) {
			ConsentService.Pdf pdf = summaries.summary(id);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(pdf.filename()).build().toString())
				.body(pdf.content());
		}
	}
}
