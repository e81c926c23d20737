-- The protocol library, treatment courses and signed dose orders (issue 5).

-- A clinic's own protocols; the built-in ones live in code and are never stored or edited here.
-- The definition is the protocol as JSON exactly as validated; code is unique per clinic.
CREATE TABLE protocol
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  code        VARCHAR(60) NOT NULL,
  name        VARCHAR(120) NOT NULL,
  route       VARCHAR(20) NOT NULL,
  definition  TEXT NOT NULL,
  copied_from VARCHAR(60),
  version     BIGINT NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by  VARCHAR(100) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (clinic_id, code)
);

-- A course keeps a copy of the protocol it was created from, so a later edit of a clinic protocol
-- never changes a course under way.
CREATE TABLE treatment_course
(
  id                    UUID PRIMARY KEY,
  clinic_id             UUID NOT NULL,
  patient_id            UUID NOT NULL,
  protocol_code         VARCHAR(60) NOT NULL,
  protocol              TEXT NOT NULL,
  route                 VARCHAR(20) NOT NULL,
  start_date            DATE NOT NULL,
  phase                 VARCHAR(20) NOT NULL CHECK (phase IN ('INDUCTION', 'MAINTENANCE')),
  status                VARCHAR(20) NOT NULL CHECK (status IN ('ACTIVE', 'COMPLETED', 'STOPPED')),
  current_dose          NUMERIC(8, 3) NOT NULL CHECK (current_dose > 0),
  maintenance_frequency VARCHAR(20),
  ended_at              TIMESTAMP WITH TIME ZONE,
  version               BIGINT NOT NULL,
  created_by            VARCHAR(100) NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX treatment_course_patient_idx ON treatment_course (clinic_id, patient_id, created_at);

CREATE TABLE course_session
(
  id                   UUID PRIMARY KEY,
  course_id            UUID NOT NULL REFERENCES treatment_course (id),
  number               INT NOT NULL CHECK (number > 0),
  phase                VARCHAR(20) NOT NULL,
  earliest_date        DATE NOT NULL,
  latest_date          DATE NOT NULL CHECK (latest_date >= earliest_date),
  planned_dose         NUMERIC(8, 3) NOT NULL CHECK (planned_dose > 0),
  status               VARCHAR(20) NOT NULL CHECK (status IN ('PLANNED', 'GIVEN', 'CANCELLED')),
  given_at             TIMESTAMP WITH TIME ZONE,
  given_dose_mg        NUMERIC(8, 1),
  severe_dissociation  BOOLEAN NOT NULL DEFAULT FALSE,
  blood_pressure_alert BOOLEAN NOT NULL DEFAULT FALSE,
  session_id           UUID,
  recorded_by          VARCHAR(100),
  UNIQUE (course_id, number),
  CHECK ((status = 'GIVEN') = (given_at IS NOT NULL AND given_dose_mg IS NOT NULL))
);

-- Every decision on a course (start, titration confirmed or dismissed, dose change, end-of-induction
-- response check, maintenance frequency change, end): who, when, why. Append-only.
CREATE TABLE course_decision
(
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            UUID NOT NULL UNIQUE,
  course_id     UUID NOT NULL REFERENCES treatment_course (id),
  kind          VARCHAR(40) NOT NULL,
  after_session INT NOT NULL,
  rule_id       VARCHAR(60),
  from_value    VARCHAR(40),
  to_value      VARCHAR(40),
  reason        VARCHAR(2000),
  detail        TEXT,
  decided_by    VARCHAR(100) NOT NULL,
  decided_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_decision_course_idx ON course_decision (course_id, seq);
CREATE TRIGGER course_decision_immutable BEFORE UPDATE OR DELETE ON course_decision
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();

-- A physician's signed order for one session's dose, with everything the dose was computed from.
-- Never edited: a wrong order is voided (once, with a reason) and a new one signed.
CREATE TABLE dose_order
(
  id                        UUID PRIMARY KEY,
  clinic_id                 UUID NOT NULL,
  patient_id                UUID NOT NULL,
  course_id                 UUID NOT NULL REFERENCES treatment_course (id),
  session_number            INT NOT NULL,
  route                     VARCHAR(20) NOT NULL,
  dose_mg                   NUMERIC(8, 1) NOT NULL CHECK (dose_mg > 0),
  dose_mg_per_kg            NUMERIC(8, 4),
  dosing_weight             VARCHAR(20),
  dosing_weight_kg          NUMERIC(6, 1),
  weight_kg                 NUMERIC(6, 1),
  weight_measured_at        TIMESTAMP WITH TIME ZONE,
  infusion_minutes          INT,
  vial_mg_per_ml            NUMERIC(6, 1),
  bag_volume_ml             NUMERIC(7, 1),
  draw_volume_ml            NUMERIC(8, 2),
  infusion_rate_ml_per_hour NUMERIC(8, 1),
  dose_rate_mg_per_minute   NUMERIC(8, 3),
  devices                   INT,
  warnings                  TEXT NOT NULL,
  hard_stop                 BOOLEAN NOT NULL,
  override_reason           VARCHAR(2000),
  signed_by                 VARCHAR(100) NOT NULL,
  signed_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  content_sha256            VARCHAR(64) NOT NULL CHECK (length(content_sha256) = 64),
  voided_at                 TIMESTAMP WITH TIME ZONE,
  voided_by                 VARCHAR(100),
  void_reason               VARCHAR(2000),
  CHECK (NOT hard_stop OR override_reason IS NOT NULL),
  CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX dose_order_one_active ON dose_order (course_id, session_number) WHERE voided_at IS NULL;

CREATE FUNCTION dose_order_void_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'dose_order is immutable: DELETE is not allowed';
  END IF;
  IF OLD.voided_at IS NOT NULL
     OR (to_jsonb(NEW) - 'voided_at' - 'voided_by' - 'void_reason') <> (to_jsonb(OLD) - 'voided_at' - 'voided_by' - 'void_reason') THEN
    RAISE EXCEPTION 'dose_order is immutable: only voiding a current order is allowed';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER dose_order_immutable BEFORE UPDATE OR DELETE ON dose_order
  FOR EACH ROW EXECUTE FUNCTION dose_order_void_only();
