-- Therapy: preparation and integration sessions, their structured notes (signed once, then
-- locked; later words only as addenda), the integration session due after each discharge, the
-- dosing sessions therapy may link to (kept from the session module's events), a clinic setting
-- with its history, and the patient's journal.
CREATE FUNCTION therapy_row_is_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'a signed therapy note and its addenda are never changed or deleted (table %)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE therapy_dosing_session
(
  id              UUID PRIMARY KEY,
  clinic_id       UUID NOT NULL,
  patient_id      UUID NOT NULL,
  route           VARCHAR(30) NOT NULL,
  scheduled_start TIMESTAMP WITH TIME ZONE,
  status          VARCHAR(20) NOT NULL,
  discharged_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX therapy_dosing_session_patient_idx ON therapy_dosing_session (clinic_id, patient_id);

CREATE TABLE therapy_session
(
  id                UUID PRIMARY KEY,
  clinic_id         UUID NOT NULL,
  patient_id        UUID NOT NULL,
  type              VARCHAR(20) NOT NULL,
  status            VARCHAR(20) NOT NULL,
  dosing_session_id UUID REFERENCES therapy_dosing_session (id),
  scheduled_at      TIMESTAMP WITH TIME ZONE,
  appointment_id    UUID,
  held_by           VARCHAR(100) NOT NULL,
  held_at           TIMESTAMP WITH TIME ZONE,
  themes            TEXT,
  insights          TEXT,
  goals             TEXT,
  practice          TEXT,
  free_text         TEXT,
  status_reason     VARCHAR(500),
  created_by        VARCHAR(100) NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by        VARCHAR(100),
  changed_at        TIMESTAMP WITH TIME ZONE,
  version           BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX therapy_session_patient_idx ON therapy_session (clinic_id, patient_id);

CREATE TABLE therapy_note
(
  session_id     UUID PRIMARY KEY REFERENCES therapy_session (id),
  clinic_id      UUID NOT NULL,
  themes         TEXT NOT NULL,
  insights       TEXT NOT NULL,
  goals          TEXT NOT NULL,
  practice       TEXT NOT NULL,
  free_text      TEXT NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  signed_by      VARCHAR(100) NOT NULL,
  signed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE therapy_note_addendum
(
  id         UUID PRIMARY KEY,
  session_id UUID NOT NULL REFERENCES therapy_note (session_id),
  clinic_id  UUID NOT NULL,
  text       TEXT NOT NULL,
  added_by   VARCHAR(100) NOT NULL,
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX therapy_note_addendum_session_idx ON therapy_note_addendum (session_id, added_at);

CREATE TRIGGER therapy_note_immutable BEFORE UPDATE OR DELETE ON therapy_note
  FOR EACH ROW EXECUTE FUNCTION therapy_row_is_immutable();
CREATE TRIGGER therapy_note_addendum_immutable BEFORE UPDATE OR DELETE ON therapy_note_addendum
  FOR EACH ROW EXECUTE FUNCTION therapy_row_is_immutable();

CREATE TABLE therapy_integration_due
(
  dosing_session_id UUID PRIMARY KEY REFERENCES therapy_dosing_session (id),
  clinic_id         UUID NOT NULL,
  patient_id        UUID NOT NULL,
  discharged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  due_by            TIMESTAMP WITH TIME ZONE NOT NULL,
  met_by            UUID REFERENCES therapy_session (id),
  met_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX therapy_integration_due_open_idx ON therapy_integration_due (clinic_id, due_by) WHERE met_by IS NULL;

-- Every change of a setting is a new row: the latest row is in force, the rest is its history.
CREATE TABLE therapy_setting
(
  id         UUID PRIMARY KEY,
  clinic_id  UUID NOT NULL,
  name       VARCHAR(60) NOT NULL,
  value      INTEGER NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  changed_by VARCHAR(100) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX therapy_setting_clinic_idx ON therapy_setting (clinic_id, name, changed_at);

CREATE TABLE journal_entry
(
  id         UUID PRIMARY KEY,
  clinic_id  UUID NOT NULL,
  patient_id UUID NOT NULL,
  entry_date DATE NOT NULL,
  text       TEXT NOT NULL,
  mood       SMALLINT CHECK (mood BETWEEN 0 AND 10),
  shared     BOOLEAN NOT NULL DEFAULT FALSE,
  shared_at  TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX journal_entry_patient_idx ON journal_entry (clinic_id, patient_id, entry_date);
