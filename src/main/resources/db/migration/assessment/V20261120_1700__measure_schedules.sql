-- Measures the care team asks a patient to complete: every N days, or N hours after each dosing session.
CREATE TABLE measure_schedule
(
  id                   UUID PRIMARY KEY,
  clinic_id            UUID NOT NULL,
  patient_id           UUID NOT NULL,
  instrument           VARCHAR(20) NOT NULL,
  every_days           INT CHECK (every_days BETWEEN 1 AND 365),
  hours_after_session  INT CHECK (hours_after_session BETWEEN 1 AND 336),
  next_due_at          TIMESTAMP WITH TIME ZONE,
  reminded_for_due_at  TIMESTAMP WITH TIME ZONE,
  active               BOOLEAN NOT NULL DEFAULT TRUE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by           VARCHAR(100) NOT NULL,
  version              BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT schedule_has_a_rhythm CHECK (every_days IS NOT NULL OR hours_after_session IS NOT NULL)
);
CREATE INDEX measure_schedule_due_idx ON measure_schedule (clinic_id, next_due_at) WHERE active;
CREATE INDEX measure_schedule_patient_idx ON measure_schedule (patient_id);
