package org.ketamineclinic.fhir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PreDestroy;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Bulk Data export jobs: accepted at once, run on a small pool of their own threads (never the
 * request's), read the clinic's patients a batch at a time by id and every patient-compartment type
 * for each batch, and leave one or more NDJSON files per type on disk until the job expires.
 * Patient data is read straight from the tables in batches, not through the per-patient audited
 * use cases: the export as a whole is audited instead (started, finished, each file fetched).
 */
@Service
class BulkExportService {

	static final String AUDIT_TYPE = "FHIR $export";
	private static final Logger log = LoggerFactory.getLogger(BulkExportService.class);

	private final JdbcClient jdbc;
	private final ExportJobs jobs;
	private final Map<String, PatientCompartment> compartments = new TreeMap<>();
	private final FhirContext fhir;
	private final AuditTrail audit;
	private final Path directory;
	private final Duration retention;
	private final int batchSize;
	private final int resourcesPerFile;
	private final Clock clock = Clock.systemUTC();
	private final ThreadPoolExecutor executor;

	BulkExportService(JdbcClient jdbc, ExportJobs jobs, List<PatientCompartment> compartments, FhirContext fhir,
			AuditTrail audit, @Value("${clinic.fhir.export.directory:./data/exports}") Path directory,
			@Value("${clinic.fhir.export.retention:PT24H}") Duration retention,
			@Value("${clinic.fhir.export.batch-size:1000}") int batchSize,
			@Value("${clinic.fhir.export.resources-per-file:100000}") int resourcesPerFile,
			@Value("${clinic.fhir.export.threads:2}") int threads, @Value("${clinic.fhir.export.queue:20}") int queue) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("clinic.fhir.export.retention must be positive, was " + retention);
		}
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("clinic.fhir.export.batch-size must be 1..10000, was " + batchSize);
		}
		if (resourcesPerFile < 1) {
			throw new IllegalArgumentException("clinic.fhir.export.resources-per-file must be at least 1, was " + resourcesPerFile);
		}
		if (threads < 1 || threads > 16 || queue < 0) {
			throw new IllegalArgumentException("clinic.fhir.export.threads must be 1..16 and queue at least 0");
		}
		this.jdbc = jdbc;
		this.jobs = jobs;
		compartments.forEach(compartment -> this.compartments.put(compartment.resourceType(), compartment));
		this.fhir = fhir;
		this.audit = audit;
		this.directory = directory.toAbsolutePath().normalize();
		this.retention = retention;
		this.batchSize = batchSize;
		this.resourcesPerFile = resourcesPerFile;
		// Bounded both ways: a few exports at a time, a short queue behind them, and a refusal (429)
		// beyond that rather than an unbounded backlog of clinic-wide reads.
		AtomicInteger number = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
				queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), runnable -> {
					Thread thread = new Thread(runnable, "fhir-export-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
	}

	/** The resource types an export can contain, in name order. */
	List<String> types() {
		return List.copyOf(compartments.keySet());
	}

	/** No export running or waiting in this process. */
	boolean idle() {
		return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
	}

	/**
	 * Records the job and queues it; the caller answers 202 at once.
	 *
	 * @throws RejectedExecutionException when the queue is full
	 */
	UUID start(ClinicUser user, String requestUrl, List<String> types, @Nullable Instant since) {
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		jobs.insert(new ExportJobs.Job(id, user.clinicId().value(), user.userId(), requestUrl, types, since,
				ExportJobs.Status.ACCEPTED, null, 0, 0, null, now, now, null, now.plus(retention)));
		// Audited before the worker starts, so that the trail has the start before the completion.
		audit.read(null, AUDIT_TYPE, "job " + id + " started: " + String.join(",", types));
		try {
			// The job's audit entries name the user who started it, so the worker carries their security context.
			executor.execute(new DelegatingSecurityContextRunnable(() -> run(id)));
		}
		catch (RejectedExecutionException full) {
			jobs.delete(id);
			audit.read(null, AUDIT_TYPE + " refused", "job " + id + ": too many exports queued");
			throw full;
		}
		return id;
	}

	Optional<ExportJobs.Job> find(ClinicUser user, UUID id) {
		return jobs.findOwned(id, user.clinicId(), user.userId(), clock.instant());
	}

	List<ExportJobs.File> files(UUID id) {
		return jobs.files(id);
	}

	/** Where a listed file of the job is; the name comes from the job's own file rows, never from the request alone. */
	Optional<Path> file(ExportJobs.Job job, String fileName) {
		return jobs.files(job.id()).stream().filter(file -> file.fileName().equals(fileName)).findFirst()
			.map(file -> jobDirectory(job.id()).resolve(file.fileName()))
			.filter(Files::isRegularFile);
	}

	/** Cancels a running job or deletes a finished one; a running worker notices at its next batch and removes its files. */
	void cancel(ExportJobs.Job job) {
		jobs.delete(job.id());
		if (job.finished()) {
			deleteFiles(job.id());
		}
		audit.read(null, AUDIT_TYPE, "job " + job.id() + " cancelled");
	}

	/** For tests and operators: let a job expire now, as the cleanup would find it later. */
	void expireNow(UUID id) {
		jobs.expire(id, clock.instant().minusSeconds(1));
	}

	@Scheduled(fixedDelayString = "${clinic.fhir.export.cleanup-interval:PT10M}", initialDelayString = "${clinic.fhir.export.cleanup-interval:PT10M}")
	void deleteExpired() {
		for (UUID id : jobs.expired(clock.instant())) {
			jobs.delete(id);
			deleteFiles(id);
			log.info("FHIR export {} expired: files and job deleted", id);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void failAbandoned() {
		int abandoned = jobs.failAbandoned(clock.instant());
		if (abandoned > 0) {
			log.warn("{} FHIR export job(s) were left unfinished by the previous run and are marked failed", abandoned);
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	private void run(UUID id) {
		ExportJobs.Job job = jobs.find(id).orElse(null);
		if (job == null) {
			return;
		}
		ClinicId clinic = new ClinicId(job.clinicId());
		Path target = jobDirectory(id);
		Map<String, ExportWriter> writers = new LinkedHashMap<>();
		boolean finished = false;
		try {
			int total = jdbc.sql("SELECT count(*) FROM patient WHERE clinic_id = :clinic AND voided_at IS NULL")
				.param("clinic", clinic.value()).query(Integer.class).single();
			if (!jobs.start(id, total)) {
				return;
			}
			Files.createDirectories(target);
			IParser parser = fhir.newJsonParser().setPrettyPrint(false);
			for (String type : job.types()) {
				writers.put(type, new ExportWriter(target, type, parser, resourcesPerFile));
			}
			long count = 0;
			int done = 0;
			UUID after = null;
			while (true) {
				List<UUID> batch = patientIds(clinic, after);
				if (batch.isEmpty()) {
					break;
				}
				for (String type : job.types()) {
					ExportWriter writer = writers.get(type);
					for (Resource resource : compartments.get(type).forPatients(clinic, batch, job.since())) {
						writer.write(resource);
						count++;
					}
				}
				after = batch.get(batch.size() - 1);
				done += batch.size();
				if (!jobs.progress(id, done, count)) {
					return; // cancelled: the finally block removes what was written
				}
			}
			List<ExportJobs.File> files = new ArrayList<>();
			for (ExportWriter writer : writers.values()) {
				writer.close();
				files.addAll(writer.files());
			}
			Instant completed = clock.instant();
			if (!jobs.complete(id, files, count, completed, completed.plus(retention))) {
				return;
			}
			finished = true;
			StringBuilder counts = new StringBuilder();
			writers.forEach((type, writer) -> counts.append(counts.isEmpty() ? "" : ",").append(type).append('=').append(writer.total()));
			audit.read(null, AUDIT_TYPE + " completed", "job " + id + ": " + counts);
			log.info("FHIR export {} completed: {} resources in {} file(s)", id, count, files.size());
		}
		catch (RuntimeException | IOException e) {
			// Only the job id and the kind of failure: an exception's message may quote patient data.
			log.error("FHIR export {} failed: {}", id, e.getClass().getName());
			jobs.fail(id, "The export failed (" + e.getClass().getSimpleName() + "); start it again or ask the administrator",
					clock.instant());
			audit.read(null, AUDIT_TYPE + " failed", "job " + id);
		}
		finally {
			writers.values().forEach(writer -> {
				try {
					writer.close();
				}
				catch (UncheckedIOException ignored) {
					// the files are deleted below anyway
				}
			});
			if (!finished) {
				deleteFiles(id);
			}
		}
	}

	private List<UUID> patientIds(ClinicId clinic, @Nullable UUID after) {
		// Keyset paging by id: every batch is an index range, however far into the clinic the export is.
		return jdbc.sql("SELECT id FROM patient WHERE clinic_id = :clinic AND voided_at IS NULL"
				+ (after == null ? "" : " AND id > :after") + " ORDER BY id LIMIT :limit")
			.param("clinic", clinic.value())
			.params(after == null ? Map.of() : Map.of("after", after))
			.param("limit", batchSize)
			.query(UUID.class)
			.list();
	}

	/** Where a job's files are (one directory per job). */
	Path jobDirectory(UUID id) {
		return directory.resolve(id.toString());
	}

	private void deleteFiles(UUID id) {
		Path target = jobDirectory(id);
		if (!Files.exists(target)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(target)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException e) {
			log.warn("FHIR export {}: could not delete its files ({})", id, e.getClass().getSimpleName());
		}
	}
}
