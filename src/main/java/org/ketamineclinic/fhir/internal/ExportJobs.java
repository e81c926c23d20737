package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The rows of fhir_export_job and fhir_export_file. */
@Component
class ExportJobs {

	enum Status {
		ACCEPTED, RUNNING, COMPLETED, FAILED, CANCELLED
	}

	record Job(UUID id, UUID clinicId, UUID requestedBy, String requestUrl, List<String> types, @Nullable Instant since,
			Status status, @Nullable Integer patientsTotal, int patientsDone, long resourceCount, @Nullable String error,
			Instant transactionTime, Instant createdAt, @Nullable Instant completedAt, Instant expiresAt) {

		boolean finished() {
			return status == Status.COMPLETED || status == Status.FAILED || status == Status.CANCELLED;
		}
	}

	record File(String fileName, String resourceType, long count, long bytes) {
	}

	private final JdbcClient jdbc;

	ExportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Job job) {
		jdbc.sql("""
				INSERT INTO fhir_export_job (id, clinic_id, requested_by, request_url, types, since, status, transaction_time,
				  created_at, expires_at)
				VALUES (:id, :clinic, :by, :url, :types, :since, :status, :tx, :created, :expires)""")
			.param("id", job.id())
			.param("clinic", job.clinicId())
			.param("by", job.requestedBy())
			.param("url", job.requestUrl())
			.param("types", String.join(",", job.types()))
			.param("since", time(job.since()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("status", job.status().name())
			.param("tx", time(job.transactionTime()))
			.param("created", time(job.createdAt()))
			.param("expires", time(job.expiresAt()))
			.update();
	}

	Optional<Job> find(UUID id) {
		return jdbc.sql("SELECT * FROM fhir_export_job WHERE id = :id").param("id", id).query(ExportJobs::job).optional();
	}

	/** The job, if it is this user's in this clinic and has not expired; anyone else's is simply not there. */
	Optional<Job> findOwned(UUID id, ClinicId clinic, UUID user, Instant now) {
		return jdbc.sql("SELECT * FROM fhir_export_job WHERE id = :id AND clinic_id = :clinic AND requested_by = :user AND expires_at > :now")
			.param("id", id)
			.param("clinic", clinic.value())
			.param("user", user)
			.param("now", time(now))
			.query(ExportJobs::job)
			.optional();
	}

	List<File> files(UUID jobId) {
		return jdbc.sql("SELECT file_name, resource_type, resource_count, bytes FROM fhir_export_file WHERE job_id = :id ORDER BY resource_type, file_name")
			.param("id", jobId)
			.query((rs, row) -> new File(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** @return false when the job is gone (cancelled) or no longer waiting */
	boolean start(UUID id, int patientsTotal) {
		return jdbc.sql("UPDATE fhir_export_job SET status = 'RUNNING', patients_total = :total WHERE id = :id AND status = 'ACCEPTED'")
			.param("id", id)
			.param("total", patientsTotal)
			.update() == 1;
	}

	/** @return false when the job was cancelled meanwhile, so the runner stops */
	boolean progress(UUID id, int patientsDone, long resourceCount) {
		return jdbc.sql("UPDATE fhir_export_job SET patients_done = :done, resource_count = :count WHERE id = :id AND status = 'RUNNING'")
			.param("id", id)
			.param("done", patientsDone)
			.param("count", resourceCount)
			.update() == 1;
	}

	/** Files and status together, so a poll sees either no manifest or the whole of it. */
	@Transactional
	boolean complete(UUID id, List<File> files, long resourceCount, Instant completedAt, Instant expiresAt) {
		int updated = jdbc.sql("""
				UPDATE fhir_export_job SET status = 'COMPLETED', patients_done = patients_total, resource_count = :count,
				  completed_at = :completed, expires_at = :expires WHERE id = :id AND status = 'RUNNING'""")
			.param("id", id)
			.param("count", resourceCount)
			.param("completed", time(completedAt))
			.param("expires", time(expiresAt))
			.update();
		if (updated == 0) {
			return false;
		}
		for (File file : files) {
			jdbc.sql("INSERT INTO fhir_export_file (job_id, file_name, resource_type, resource_count, bytes) VALUES (:id, :name, :type, :count, :bytes)")
				.param("id", id)
				.param("name", file.fileName())
				.param("type", file.resourceType())
				.param("count", file.count())
				.param("bytes", file.bytes())
				.update();
		}
		return true;
	}

	void fail(UUID id, String error, Instant completedAt) {
		jdbc.sql("UPDATE fhir_export_job SET status = 'FAILED', error = :error, completed_at = :completed WHERE id = :id AND status IN ('ACCEPTED', 'RUNNING')")
			.param("id", id)
			.param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("completed", time(completedAt))
			.update();
	}

	/** Jobs a previous run of the server left unfinished: nobody is working on them any more. */
	int failAbandoned(Instant now) {
		return jdbc.sql("UPDATE fhir_export_job SET status = 'FAILED', error = 'The server restarted while the export ran; start it again', "
				+ "completed_at = :now WHERE status IN ('ACCEPTED', 'RUNNING')")
			.param("now", time(now))
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM fhir_export_job WHERE id = :id").param("id", id).update();
	}

	void expire(UUID id, Instant at) {
		jdbc.sql("UPDATE fhir_export_job SET expires_at = :at WHERE id = :id").param("id", id).param("at", time(at)).update();
	}

	List<UUID> expired(Instant now) {
		return jdbc.sql("SELECT id FROM fhir_export_job WHERE expires_at <= :now").param("now", time(now)).query(UUID.class).list();
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		int total = rs.getInt("patients_total");
		Integer patientsTotal = rs.wasNull() ? null : total;
		String types = rs.getString("types");
		return new Job(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getObject("requested_by", UUID.class),
				rs.getString("request_url"), types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), instant(rs, "since"),
				Status.valueOf(rs.getString("status")), patientsTotal, rs.getInt("patients_done"), rs.getLong("resource_count"),
				rs.getString("error"), instant(rs, "transaction_time"), instant(rs, "created_at"), instant(rs, "completed_at"),
				instant(rs, "expires_at"));
	}
}
