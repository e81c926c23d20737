-- Dosing sessions (issue 6). The session row carries the lifecycle and is versioned; everything
-- charted during a session (findings, acknowledgements, administrations, vital signs, alerts, scale
-- scores, adverse events) is append-only: corrections are new rows, never edits.

CREATE FUNCTION session_row_is_immutable() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TABLE dosing_session
(
  id                               UUID PRIMARY KEY,
  clinic_id                        UUID NOT NULL,
  patient_id                       UUID NOT NULL,
  course_id                        UUID,
  course_session_number            INT CHECK (course_session_number > 0),
  route                            VARCHAR(20) NOT NULL,
  planned_dose_mg                  NUMERIC(8, 3),
  planned_dose_mg_per_kg           NUMERIC(6, 3),
  scheduled_start                  TIMESTAMP WITH TIME ZONE NOT NULL,
  chair_id                         VARCHAR(40),
  status                           VARCHAR(30) NOT NULL CHECK (status IN ('PLANNED', 'CHECKED_IN', 'DOSING', 'MONITORING',
                                     'READY_FOR_DISCHARGE', 'DISCHARGED', 'CANCELLED', 'ABORTED')),
  status_reason                    VARCHAR(2000),
  checked_in_at                    TIMESTAMP WITH TIME ZONE,
  checked_in_by                    VARCHAR(100),
  last_food_at                     TIMESTAMP WITH TIME ZONE,
  last_liquid_at                   TIMESTAMP WITH TIME ZONE,
  nasal_steroid_or_decongestant_at TIMESTAMP WITH TIME ZONE,
  escort_name                      VARCHAR(200),
  escort_phone                     VARCHAR(40),
  pre_dose_sbp                     INT,
  pre_dose_dbp                     INT,
  pre_dose_hr                      INT,
  pre_dose_spo2                    INT,
  pre_dose_rr                      INT,
  first_dose_at                    TIMESTAMP WITH TIME ZONE,
  infusion_ends_at                 TIMESTAMP WITH TIME ZONE,
  discharged_at                    TIMESTAMP WITH TIME ZONE,
  ready_to_leave_at                TIMESTAMP WITH TIME ZONE,
  escort_confirmed                 BOOLEAN NOT NULL DEFAULT FALSE,
  dissociation_resolved            BOOLEAN NOT NULL DEFAULT FALSE,
  discharged_by                    VARCHAR(100),
  discharged_by_user_id            UUID,
  ended_at                         TIMESTAMP WITH TIME ZONE,
  version                          BIGINT NOT NULL,
  created_by                       VARCHAR(100) NOT NULL,
  created_at                       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at                       TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((status IN ('CANCELLED', 'ABORTED')) = (status_reason IS NOT NULL))
);
CREATE INDEX dosing_session_day_idx ON dosing_session (clinic_id, scheduled_start);
CREATE INDEX dosing_session_patient_idx ON dosing_session (clinic_id, patient_id);

CREATE TABLE session_finding
(
  id         UUID PRIMARY KEY,
  session_id UUID NOT NULL REFERENCES dosing_session (id),
  rule_id    VARCHAR(60) NOT NULL,
  severity   VARCHAR(20) NOT NULL CHECK (severity IN ('BLOCK', 'ACKNOWLEDGE', 'INFO')),
  source     VARCHAR(10) NOT NULL CHECK (source IN ('REG', 'EVID', 'POLICY')),
  message    VARCHAR(1000) NOT NULL
);
CREATE INDEX session_finding_session_idx ON session_finding (session_id);

CREATE TABLE session_acknowledgement
(
  id               UUID PRIMARY KEY,
  session_id       UUID NOT NULL REFERENCES dosing_session (id),
  rule_id          VARCHAR(60) NOT NULL,
  reason           VARCHAR(2000) NOT NULL,
  acknowledged_by  VARCHAR(100) NOT NULL,
  acknowledged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (session_id, rule_id)
);

-- One row per infusion, injection or esketamine device. The lot is text until the inventory
-- ledger is wired in.
CREATE TABLE session_administration
(
  id               UUID PRIMARY KEY,
  session_id       UUID NOT NULL REFERENCES dosing_session (id),
  lot              VARCHAR(64) NOT NULL,
  dose_mg          NUMERIC(8, 3) NOT NULL CHECK (dose_mg > 0),
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  duration_minutes INT CHECK (duration_minutes > 0),
  device_number    INT CHECK (device_number BETWEEN 1 AND 3),
  recorded_by      VARCHAR(100) NOT NULL,
  recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (session_id, device_number)
);

CREATE TABLE session_vitals
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  session_id  UUID NOT NULL REFERENCES dosing_session (id),
  taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  sbp         INT CHECK (sbp BETWEEN 50 AND 300),
  dbp         INT CHECK (dbp BETWEEN 20 AND 200),
  hr          INT CHECK (hr BETWEEN 20 AND 250),
  spo2        INT CHECK (spo2 BETWEEN 50 AND 100),
  rr          INT CHECK (rr BETWEEN 2 AND 60),
  recorded_by VARCHAR(100) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_vitals_session_idx ON session_vitals (session_id, taken_at);

CREATE TABLE session_alert
(
  id         UUID PRIMARY KEY,
  clinic_id  UUID NOT NULL,
  session_id UUID NOT NULL REFERENCES dosing_session (id),
  code       VARCHAR(60) NOT NULL,
  severity   VARCHAR(20) NOT NULL CHECK (severity IN ('NOTIFY', 'URGENT', 'EMERGENCY')),
  message    VARCHAR(1000) NOT NULL,
  raised_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  source_id  UUID
);
CREATE INDEX session_alert_session_idx ON session_alert (session_id, raised_at);

CREATE TABLE session_score
(
  id            UUID PRIMARY KEY,
  clinic_id     UUID NOT NULL,
  session_id    UUID NOT NULL REFERENCES dosing_session (id),
  assessment_id UUID NOT NULL,
  instrument    VARCHAR(20) NOT NULL,
  total         INT,
  severity      VARCHAR(60),
  flags         VARCHAR(500) NOT NULL,
  completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by   VARCHAR(100) NOT NULL
);
CREATE INDEX session_score_session_idx ON session_score (session_id, completed_at);

CREATE TABLE session_adverse_event
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  session_id  UUID NOT NULL REFERENCES dosing_session (id),
  type        VARCHAR(40) NOT NULL,
  severity    VARCHAR(20) NOT NULL CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE')),
  serious     BOOLEAN NOT NULL,
  onset_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  action      VARCHAR(2000),
  outcome     VARCHAR(2000),
  recorded_by VARCHAR(100) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_adverse_event_session_idx ON session_adverse_event (session_id);

CREATE TRIGGER session_finding_immutable BEFORE UPDATE OR DELETE ON session_finding
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_acknowledgement_immutable BEFORE UPDATE OR DELETE ON session_acknowledgement
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_administration_immutable BEFORE UPDATE OR DELETE ON session_administration
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_vitals_immutable BEFORE UPDATE OR DELETE ON session_vitals
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_alert_immutable BEFORE UPDATE OR DELETE ON session_alert
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_score_immutable BEFORE UPDATE OR DELETE ON session_score
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_adverse_event_immutable BEFORE UPDATE OR DELETE ON session_adverse_event
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
