-- Scheduling: chairs and rooms, opening hours, closures, staff working hours and appointments.
-- btree_gist lets one exclusion constraint compare a uuid for equality and a time range for overlap,
-- so the database itself refuses a second booking of a chair, a person or a patient.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE scheduling_resource (
  id            UUID PRIMARY KEY,
  clinic_id     UUID         NOT NULL,
  kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('CHAIR', 'ROOM')),
  name          VARCHAR(100) NOT NULL,
  -- comma-separated capability codes (INFUSION_PUMP, PULSE_OXIMETER, RECLINER)
  capabilities  VARCHAR(200) NOT NULL DEFAULT '',
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  version       BIGINT       NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ  NOT NULL,
  created_by    VARCHAR(100) NOT NULL,
  changed_at    TIMESTAMPTZ,
  changed_by    VARCHAR(100),
  UNIQUE (clinic_id, name)
);

CREATE TABLE scheduling_opening_hours (
  clinic_id   UUID        NOT NULL,
  weekday     SMALLINT    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens       TIME        NOT NULL,
  closes      TIME        NOT NULL,
  changed_at  TIMESTAMPTZ NOT NULL,
  changed_by  VARCHAR(100) NOT NULL,
  PRIMARY KEY (clinic_id, weekday),
  CHECK (closes > opens)
);

CREATE TABLE scheduling_closure (
  clinic_id   UUID         NOT NULL,
  closed_on   DATE         NOT NULL,
  reason      VARCHAR(200) NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  PRIMARY KEY (clinic_id, closed_on)
);

CREATE TABLE scheduling_staff_hours (
  clinic_id   UUID        NOT NULL,
  user_id     UUID        NOT NULL,
  weekday     SMALLINT    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts      TIME        NOT NULL,
  ends        TIME        NOT NULL,
  changed_at  TIMESTAMPTZ NOT NULL,
  changed_by  VARCHAR(100) NOT NULL,
  PRIMARY KEY (user_id, weekday),
  CHECK (ends > starts)
);
CREATE INDEX scheduling_staff_hours_clinic ON scheduling_staff_hours (clinic_id, weekday);

CREATE TABLE scheduling_appointment (
  id              UUID PRIMARY KEY,
  clinic_id       UUID         NOT NULL,
  patient_id      UUID         NOT NULL,
  type            VARCHAR(30)  NOT NULL,
  start_at        TIMESTAMPTZ  NOT NULL,
  end_at          TIMESTAMPTZ  NOT NULL,
  resource_id     UUID REFERENCES scheduling_resource (id),
  staff_id        UUID,
  -- the physician on site for esketamine (REMS); present, not exclusively booked
  prescriber_id   UUID,
  course_id       UUID,
  session_number  INT,
  series_id       UUID,
  series_index    INT,
  status          VARCHAR(20)  NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'NO_SHOW', 'COMPLETED')),
  status_reason   VARCHAR(500),
  version         BIGINT       NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ  NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  changed_at      TIMESTAMPTZ,
  changed_by      VARCHAR(100),
  CHECK (end_at > start_at),
  CONSTRAINT scheduling_appointment_resource_free
    EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'CANCELLED'),
  CONSTRAINT scheduling_appointment_staff_free
    EXCLUDE USING gist (staff_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'CANCELLED'),
  CONSTRAINT scheduling_appointment_patient_free
    EXCLUDE USING gist (patient_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX scheduling_appointment_clinic_start ON scheduling_appointment (clinic_id, start_at);
CREATE INDEX scheduling_appointment_patient ON scheduling_appointment (patient_id, start_at);
-- a planned course session has at most one live appointment
CREATE UNIQUE INDEX scheduling_appointment_course_session ON scheduling_appointment (course_id, session_number)
  WHERE course_id IS NOT NULL AND status IN ('BOOKED', 'COMPLETED');

-- Who changed an appointment, when and why: one row per booking, reschedule, cancellation or outcome.
CREATE TABLE scheduling_appointment_change (
  id              UUID PRIMARY KEY,
  appointment_id  UUID         NOT NULL REFERENCES scheduling_appointment (id),
  clinic_id       UUID         NOT NULL,
  action          VARCHAR(20)  NOT NULL,
  status          VARCHAR(20)  NOT NULL,
  start_at        TIMESTAMPTZ  NOT NULL,
  end_at          TIMESTAMPTZ  NOT NULL,
  resource_id     UUID,
  staff_id        UUID,
  reason          VARCHAR(500),
  changed_at      TIMESTAMPTZ  NOT NULL,
  changed_by      VARCHAR(100) NOT NULL
);
CREATE INDEX scheduling_appointment_change_appointment ON scheduling_appointment_change (appointment_id, changed_at);
