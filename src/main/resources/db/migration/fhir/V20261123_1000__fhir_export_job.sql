-- Bulk Data $export jobs: who asked for what, how far the job got, and until when its files may be
-- downloaded. The files themselves are NDJSON on disk (clinic.fhir.export.directory), one row each
-- here; a job's rows and files go together when it is cancelled or expires.
CREATE TABLE fhir_export_job
(
  id               UUID PRIMARY KEY,
  clinic_id        UUID NOT NULL,
  requested_by     UUID NOT NULL,
  request_url      VARCHAR(2000) NOT NULL,
  types            VARCHAR(1000) NOT NULL,
  since            TIMESTAMP WITH TIME ZONE,
  status           VARCHAR(20) NOT NULL CHECK (status IN ('ACCEPTED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
  patients_total   INTEGER,
  patients_done    INTEGER NOT NULL DEFAULT 0,
  resource_count   BIGINT NOT NULL DEFAULT 0,
  error            VARCHAR(1000),
  transaction_time TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at     TIMESTAMP WITH TIME ZONE,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fhir_export_job_expiry_idx ON fhir_export_job (expires_at);

CREATE TABLE fhir_export_file
(
  job_id        UUID NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
  file_name     VARCHAR(200) NOT NULL,
  resource_type VARCHAR(60) NOT NULL,
  resource_count BIGINT NOT NULL,
  bytes         BIGINT NOT NULL,
  PRIMARY KEY (job_id, file_name)
);
