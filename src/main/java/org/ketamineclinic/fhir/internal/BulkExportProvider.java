package org.ketamineclinic.fhir.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * HL7 Bulk Data Access 2.0.0 export: kick-off at `$export` (system) and `Patient/$export`, status
 * at `$export-poll-status` (DELETE cancels), files at `$export-file`. Only physicians and
 * administrators may take the clinic's data out, and only the user who started a job sees it:
 * anyone else's job, like an expired one, is not found.
 */
@Component
class BulkExportProvider implements FhirOperations {

	static final Set<Role> EXPORTERS = Set.of(Role.PHYSICIAN, Role.ADMIN);
	static final String NDJSON = "application/fhir+ndjson";
	/** What the IG asks servers to accept; the space form is the same value sent with an unencoded '+'. */
	private static final Set<String> OUTPUT_FORMATS = Set.of(NDJSON, "application/fhir ndjson", "application/ndjson", "ndjson");
	private static final Set<String> PARAMETERS = Set.of("_outputFormat", "_type", "_since");

	private final BulkExportService exports;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final FhirContext fhir;
	private final JsonMapper json;

	BulkExportProvider(BulkExportService exports, CurrentUser currentUser, AuditTrail audit, FhirContext fhir, JsonMapper json) {
		this.exports = exports;
		this.currentUser = currentUser;
		this.audit = audit;
		this.fhir = fhir;
		this.json = json;
	}

	@Operation(name = "$export", idempotent = true, manualResponse = true)
	public void systemExport(
			@OperationParam(name = "_outputFormat", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> outputFormat,
			@OperationParam(name = "_type", typeName = "string", min = 0, max = OperationParam.MAX_UNLIMITED) @Nullable List<IPrimitiveType<String>> type,
			@OperationParam(name = "_since", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> since,
			ServletRequestDetails request) throws IOException {
		kickOff(outputFormat, type, since, request);
	}

	/** Every resource type here is in the patient compartment, so the two exports cover the same data. */
	@Operation(name = "$export", typeName = "Patient", idempotent = true, manualResponse = true)
	public void patientExport(
			@OperationParam(name = "_outputFormat", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> outputFormat,
			@OperationParam(name = "_type", typeName = "string", min = 0, max = OperationParam.MAX_UNLIMITED) @Nullable List<IPrimitiveType<String>> type,
			@OperationParam(name = "_since", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> since,
			ServletRequestDetails request) throws IOException {
		kickOff(outputFormat, type, since, request);
	}

	@Operation(name = "$export-poll-status", idempotent = true, manualResponse = true, deleteEnabled = true)
	public void pollStatus(@OperationParam(name = "_jobId", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> jobId,
			ServletRequestDetails request) throws IOException {
		ClinicUser user = exporter();
		ExportJobs.Job job = ownJob(user, jobId);
		HttpServletResponse response = request.getServletResponse();
		if (request.getRequestType() == RequestTypeEnum.DELETE) {
			exports.cancel(job);
			response.setStatus(202);
			writeOutcome(response, OperationOutcome.IssueSeverity.INFORMATION, "Export " + job.id() + " is cancelled and its files deleted");
			return;
		}
		switch (job.status()) {
			case ACCEPTED, RUNNING -> {
				response.setStatus(202);
				response.setHeader("X-Progress", progress(job));
				response.setHeader("Retry-After", "2");
				response.getOutputStream().close();
			}
			case COMPLETED -> {
				response.setStatus(200);
				response.setContentType("application/json");
				response.setCharacterEncoding("UTF-8");
				response.setHeader("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
					.format(job.expiresAt().atOffset(java.time.ZoneOffset.UTC)));
				try (PrintWriter writer = response.getWriter()) {
					writer.write(json.writeValueAsString(manifest(job, request.getFhirServerBase())));
				}
			}
			// The IG's error status: the job failed as a whole, so an OperationOutcome rather than a manifest.
			case FAILED -> throw new UnclassifiedServerFailureException(500, job.error() == null ? "The export failed" : job.error());
			case CANCELLED -> throw notFound(job.id().toString());
		}
	}

	@Operation(name = "$export-file", idempotent = true, manualResponse = true)
	public void file(@OperationParam(name = "_jobId", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> jobId,
			@OperationParam(name = "_file", typeName = "string", min = 0, max = 1) @Nullable IPrimitiveType<String> file,
			ServletRequestDetails request) throws IOException {
		ClinicUser user = exporter();
		ExportJobs.Job job = ownJob(user, jobId);
		String name = file == null || file.getValue() == null ? "" : file.getValue();
		Path path = job.status() == ExportJobs.Status.COMPLETED ? exports.file(job, name).orElse(null) : null;
		if (path == null) {
			throw new ResourceNotFoundException("Export " + job.id() + " has no file " + name.replaceAll("[^A-Za-z0-9.-]", "?"));
		}
		audit.read(null, BulkExportService.AUDIT_TYPE + " file", "job " + job.id() + " " + name);
		HttpServletResponse response = request.getServletResponse();
		response.setStatus(200);
		response.setContentType(NDJSON);
		response.setContentLengthLong(Files.size(path));
		try (OutputStream out = response.getOutputStream()) {
			Files.copy(path, out);
		}
	}

	private void kickOff(@Nullable IPrimitiveType<String> outputFormat, @Nullable List<IPrimitiveType<String>> type,
			@Nullable IPrimitiveType<String> since, ServletRequestDetails request) throws IOException {
		ClinicUser user = exporter();
		String prefer = String.join(",", request.getHeaders("Prefer"));
		if (!prefer.contains("respond-async")) {
			throw new InvalidRequestException("$export runs asynchronously: send the header 'Prefer: respond-async'");
		}
		for (String parameter : request.getParameters().keySet()) {
			if (!PARAMETERS.contains(parameter)) {
				throw new InvalidRequestException("$export does not support the parameter " + safe(parameter)
						+ "; supported: _outputFormat, _type, _since");
			}
		}
		if (outputFormat != null && outputFormat.getValue() != null && !OUTPUT_FORMATS.contains(outputFormat.getValue())) {
			throw new InvalidRequestException("_outputFormat " + safe(outputFormat.getValue())
					+ " is not supported; use application/fhir+ndjson");
		}
		List<String> types = types(type);
		Instant sinceInstant = since(since);
		UUID id;
		try {
			id = exports.start(user, request.getCompleteUrl(), types, sinceInstant);
		}
		catch (RejectedExecutionException busy) {
			throw new UnclassifiedServerFailureException(429, "Too many exports are running; try again in a few minutes");
		}
		HttpServletResponse response = request.getServletResponse();
		response.setStatus(202);
		response.setHeader("Content-Location", request.getFhirServerBase() + "/$export-poll-status?_jobId=" + id);
		writeOutcome(response, OperationOutcome.IssueSeverity.INFORMATION, "Export " + id + " accepted");
	}

	private List<String> types(@Nullable List<IPrimitiveType<String>> type) {
		List<String> supported = exports.types();
		if (type == null || type.isEmpty()) {
			return supported;
		}
		Set<String> asked = new LinkedHashSet<>();
		for (IPrimitiveType<String> value : type) {
			for (String name : (value.getValue() == null ? "" : value.getValue()).split(",")) {
				String trimmed = name.trim();
				if (trimmed.isEmpty()) {
					continue;
				}
				if (!supported.contains(trimmed)) {
					throw new InvalidRequestException("_type " + safe(trimmed) + " is not a resource type this server exports; supported: "
							+ String.join(", ", supported));
				}
				asked.add(trimmed);
			}
		}
		if (asked.isEmpty()) {
			throw new InvalidRequestException("_type is empty; leave it out for every type or name at least one of " + String.join(", ", supported));
		}
		return new ArrayList<>(asked);
	}

	private static @Nullable Instant since(@Nullable IPrimitiveType<String> since) {
		if (since == null || since.getValue() == null || since.getValue().isBlank()) {
			return null;
		}
		Instant instant;
		try {
			InstantType parsed = new InstantType(since.getValue());
			if (parsed.getValue() == null) {
				throw new DataFormatException("empty");
			}
			instant = parsed.getValue().toInstant();
		}
		catch (DataFormatException | IllegalArgumentException e) {
			throw new InvalidRequestException("_since must be a FHIR instant with a time zone, e.g. 2026-01-31T08:00:00Z; was "
					+ safe(since.getValue()));
		}
		if (instant.isAfter(Instant.now())) {
			throw new InvalidRequestException("_since " + since.getValue() + " is in the future");
		}
		return instant;
	}

	/** The signed-in physician or administrator; anyone else is refused (audited). */
	private ClinicUser exporter() {
		ClinicUser user = currentUser.find().orElseThrow(() -> new AuthenticationException("Sign in with a bearer token"));
		if (!EXPORTERS.contains(user.role())) {
			audit.denied(null, BulkExportService.AUDIT_TYPE, null, AuditAction.EXPORT);
			throw new ForbiddenOperationException("The " + user.role().label() + " role may not export the clinic's data");
		}
		return user;
	}

	private ExportJobs.Job ownJob(ClinicUser user, @Nullable IPrimitiveType<String> jobId) {
		String value = jobId == null || jobId.getValue() == null ? "" : jobId.getValue();
		UUID id = FhirIds.uuid(value).orElseThrow(() -> notFound(safe(value)));
		return exports.find(user, id).orElseThrow(() -> notFound(id.toString()));
	}

	private static ResourceNotFoundException notFound(String id) {
		return new ResourceNotFoundException("Export " + id + " is not known here, or has expired");
	}

	private Map<String, Object> manifest(ExportJobs.Job job, String base) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("transactionTime", new InstantType(java.util.Date.from(job.transactionTime())).getValueAsString());
		manifest.put("request", job.requestUrl());
		manifest.put("requiresAccessToken", true);
		List<Map<String, Object>> output = new ArrayList<>();
		for (ExportJobs.File file : exports.files(job.id())) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", file.resourceType());
			entry.put("url", base + "/$export-file?_jobId=" + job.id() + "&_file=" + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8));
			entry.put("count", file.count());
			output.add(entry);
		}
		manifest.put("output", output);
		manifest.put("error", List.of());
		return manifest;
	}

	private static String progress(ExportJobs.Job job) {
		if (job.status() == ExportJobs.Status.ACCEPTED || job.patientsTotal() == null) {
			return "queued";
		}
		int total = job.patientsTotal();
		int percent = total == 0 ? 100 : (int) (100L * job.patientsDone() / total);
		return percent + "% (" + job.patientsDone() + " of " + total + " patients, " + job.resourceCount() + " resources)";
	}

	private void writeOutcome(HttpServletResponse response, OperationOutcome.IssueSeverity severity, String text) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(severity).setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(text);
		response.setContentType("application/fhir+json");
		response.setCharacterEncoding("UTF-8");
		try (PrintWriter writer = response.getWriter()) {
			writer.write(fhir.newJsonParser().encodeResourceToString(outcome));
		}
	}

	/** Echoes a request value in an error without letting it carry markup or unbounded text. */
	private static String safe(String value) {
		String cleaned = value.replaceAll("[^A-Za-z0-9:/+._ -]", "?");
		return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
	}
}
