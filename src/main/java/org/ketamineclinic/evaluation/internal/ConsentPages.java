package org.ketamineclinic.evaluation.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.internal.ConsentService.DocumentView;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Consent in the browser: the patient reads and signs the documents of their course in the
 * portal; staff see the status on the chart, countersign, and download the signed PDF.
 */
@Controller
class ConsentPages {

	private final ConsentService consents;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	ConsentPages(ConsentService consents, CurrentUser currentUser, ClinicTimeZone zone) {
		this.consents = consents;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/portal/consents")
	@PreAuthorize("hasRole('PATIENT')")
	String portal(Model model) {
		UUID patient = currentUser.get().patientId();
		List<Route> routes = consents.evaluatedRoutes(patient);
		model.addAttribute("documents", consents.status(patient, routes));
		model.addAttribute("zone", zone.zone());
		model.addAttribute("standalone", true);
		return "consents/portal-list";
	}

	/** The "Consent forms" card of the portal's home page, loaded by htmx. */
	@GetMapping("/portal/consents/card")
	@PreAuthorize("hasRole('PATIENT')")
	String portalCard(Model model) {
		portal(model);
		model.addAttribute("standalone", false);
		return "consents/portal-list :: card";
	}

	@GetMapping("/portal/consents/{code}/{version}")
	@PreAuthorize("hasRole('PATIENT')")
	String signPage(@PathVariable String code, @PathVariable int version, Model model) {
		DocumentView document = consents.document(code, version);
		if (!document.current()) {
			DocumentView current = consents.currentDocuments().get(document.code());
			return "redirect:/portal/consents/" + current.code() + "/" + current.version();
		}
		model.addAttribute("document", document);
		return "consents/portal-sign";
	}

	@PostMapping("/portal/consents/{code}/{version}")
	@PreAuthorize("hasRole('PATIENT')")
	String sign(@PathVariable String code, @PathVariable int version, @RequestParam(required = false) @Nullable String signerName,
			@RequestParam(required = false) @Nullable String agree, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		UUID patient = currentUser.get().patientId();
		try {
			if (!"yes".equals(agree)) {
				throw new InvalidInput("agree", "Tick \"I have read and agree\" to sign, or leave the page if you do not agree.");
			}
			consents.sign(patient, new ConsentService.SignRequest(code, version, null, signerName, true), request.getRemoteAddr());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("document", consents.document(code, version));
			model.addAttribute("problems", invalid.problems());
			model.addAttribute("signerName", signerName);
			return "consents/portal-sign";
		}
		catch (Conflict stale) {
			redirect.addFlashAttribute("problem", stale.getMessage());
			return "redirect:/portal/consents";
		}
		redirect.addFlashAttribute("notice", "Thank you, your signature is recorded. A member of your care team will countersign it.");
		return "redirect:/portal/consents";
	}

	/** The consent card of a patient's chart, loaded by htmx. */
	@GetMapping("/patients/{id}/consents/card")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String chartCard(@PathVariable UUID id, Model model) {
		model.addAttribute("patientId", id);
		model.addAttribute("documents", consents.status(id, List.of()));
		model.addAttribute("evaluatedRoutes", consents.evaluatedRoutes(id));
		model.addAttribute("zone", zone.zone());
		return "consents/chart-card :: card";
	}

	@PostMapping("/consents/{id}/countersign")
	@PreAuthorize(ConsentService.COUNTERSIGN)
	String countersign(@PathVariable UUID id, RedirectAttributes redirect) {
		UUID patient = consents.patientOf(id);
		try {
			ConsentService.SignatureView done = consents.countersign(id);
			redirect.addFlashAttribute("notice", "Countersigned " + done.title() + " (version " + done.documentVersion() + ").");
		}
		catch (Conflict conflict) {
			redirect.addFlashAttribute("problem", conflict.getMessage());
		}
		return "redirect:/patients/" + patient;
	}

	/** Written directly, so a browser gets the PDF whatever its Accept header says. */
	@GetMapping("/consents/{id}/pdf")
	void pdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		ConsentService.Pdf pdf = consents.pdf(id);
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(pdf.filename()).build().toString());
		response.setContentLength(pdf.content().length);
		response.getOutputStream().write(pdf.content());
	}
}
