-- The patient side of scheduling: per-clinic settings with who, when and why; rides home for
-- dosing appointments; reminders sent once per appointment, offset and start time; the waitlist.

-- One row per change; the newest row of a name is the clinic's setting.
CREATE TABLE scheduling_setting (
  id          UUID PRIMARY KEY,
  clinic_id   UUID         NOT NULL,
  name        VARCHAR(40)  NOT NULL CHECK (name IN ('SELF_BOOKING', 'REMINDERS')),
  value       VARCHAR(300) NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  changed_at  TIMESTAMPTZ  NOT NULL,
  changed_by  VARCHAR(100) NOT NULL
);
CREATE INDEX scheduling_setting_latest ON scheduling_setting (clinic_id, name, changed_at DESC);

-- The adult who drives the patient home after a dosing appointment (clinical reference section 6).
CREATE TABLE scheduling_ride (
  appointment_id  UUID PRIMARY KEY REFERENCES scheduling_appointment (id),
  clinic_id       UUID         NOT NULL,
  driver_name     VARCHAR(100) NOT NULL,
  driver_phone    VARCHAR(40)  NOT NULL,
  confirmed_at    TIMESTAMPTZ  NOT NULL,
  confirmed_by    VARCHAR(100) NOT NULL
);

-- A reminder is queued at most once per appointment, offset and start time: a rescheduled
-- appointment has a new start and so gets fresh reminders.
CREATE TABLE scheduling_appointment_reminder (
  appointment_id  UUID        NOT NULL REFERENCES scheduling_appointment (id),
  offset_minutes  INT         NOT NULL CHECK (offset_minutes > 0),
  start_at        TIMESTAMPTZ NOT NULL,
  clinic_id       UUID        NOT NULL,
  -- QUEUED: in the mail outbox; NO_EMAIL: the patient has no email address; SUPERSEDED: a
  -- shorter offset was due at the same time (booked late), so only that one was sent
  outcome         VARCHAR(20) NOT NULL CHECK (outcome IN ('QUEUED', 'NO_EMAIL', 'SUPERSEDED')),
  decided_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (appointment_id, offset_minutes, start_at)
);

CREATE TABLE scheduling_waitlist_entry (
  id              UUID PRIMARY KEY,
  clinic_id       UUID         NOT NULL,
  patient_id      UUID         NOT NULL,
  type            VARCHAR(30)  NOT NULL,
  from_date       DATE         NOT NULL,
  to_date         DATE         NOT NULL,
  -- set when the patient wants this appointment earlier: accepting moves it
  appointment_id  UUID REFERENCES scheduling_appointment (id),
  status          VARCHAR(20)  NOT NULL CHECK (status IN ('WAITING', 'BOOKED', 'WITHDRAWN')),
  joined_at       TIMESTAMPTZ  NOT NULL,
  joined_by       VARCHAR(100) NOT NULL,
  changed_at      TIMESTAMPTZ,
  changed_by      VARCHAR(100),
  CHECK (to_date >= from_date)
);
CREATE INDEX scheduling_waitlist_entry_waiting ON scheduling_waitlist_entry (clinic_id, type, joined_at) WHERE status = 'WAITING';

-- A freed time offered to one waitlist entry at a time, in the order they joined.
CREATE TABLE scheduling_waitlist_offer (
  id              UUID PRIMARY KEY,
  clinic_id       UUID        NOT NULL,
  entry_id        UUID        NOT NULL REFERENCES scheduling_waitlist_entry (id),
  type            VARCHAR(30) NOT NULL,
  slot_start      TIMESTAMPTZ NOT NULL,
  status          VARCHAR(20) NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'EXPIRED', 'TAKEN', 'DECLINED')),
  offered_at      TIMESTAMPTZ NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,
  answered_at     TIMESTAMPTZ,
  appointment_id  UUID,
  UNIQUE (entry_id, slot_start)
);
-- one open offer per freed time
CREATE UNIQUE INDEX scheduling_waitlist_offer_one_open ON scheduling_waitlist_offer (clinic_id, type, slot_start) WHERE status = 'OPEN';
CREATE INDEX scheduling_waitlist_offer_expiring ON scheduling_waitlist_offer (expires_at) WHERE status = 'OPEN';
