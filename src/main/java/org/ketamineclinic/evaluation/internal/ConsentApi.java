package org.ketamineclinic.evaluation.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.internal.ConsentService.DocumentSummary;
import org.ketamineclinic.evaluation.internal.ConsentService.DocumentView;
import org.ketamineclinic.evaluation.internal.ConsentService.SignatureView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consent documents and signatures (the consent part of the "Evaluation" section of api-contract.md). */
@RestController
class ConsentApi {

	private final ConsentService consents;

	ConsentApi(ConsentService consents) {
		this.consents = consents;
	}

	@GetMapping("/api/v1/consent-documents")
	List<DocumentSummary> documents(@RequestParam(required = false) @Nullable String route) {
		return consents.current(route);
	}

	@GetMapping("/api/v1/consent-documents/{code}/{version}")
	DocumentView document(@PathVariable String code, @PathVariable int version) {
		return consents.document(code, version);
	}

	@PostMapping("/api/v1/consent-documents")
	ResponseEntity<DocumentView> publish(@RequestBody ConsentService.PublishRequest body) {
		DocumentView published = consents.publish(body);
		return ResponseEntity.created(URI.create("/api/v1/consent-documents/" + published.code() + "/" + published.version()))
			.body(published);
	}

	@PostMapping("/api/v1/patients/{id}/consents")
	ResponseEntity<SignatureView> sign(@PathVariable UUID id, @RequestBody ConsentService.SignRequest body,
			HttpServletRequest request) {
		SignatureView signed = consents.sign(id, body, request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/consents/" + signed.id())).body(signed);
	}

	@GetMapping("/api/v1/patients/{id}/consents")
	List<SignatureView> forPatient(@PathVariable UUID id) {
		return consents.forPatient(id);
	}

	@PostMapping("/api/v1/consents/{id}/countersign")
	SignatureView countersign(@PathVariable UUID id) {
		return consents.countersign(id);
	}

	@GetMapping("/api/v1/consents/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return pdfResponse(consents.pdf(id));
	}

	static ResponseEntity<byte[]> pdfResponse(ConsentService.Pdf pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.filename()).build().toString())
			.body(pdf.content());
	}
}
