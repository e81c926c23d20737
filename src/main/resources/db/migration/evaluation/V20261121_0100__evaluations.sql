-- A pre-treatment evaluation: what the rules found for one route at one moment. Never edited:
-- a history change marks it out of date and a new evaluation is made.
CREATE TABLE evaluation
(
  id                     UUID PRIMARY KEY,
  clinic_id              UUID NOT NULL,
  patient_id             UUID NOT NULL,
  route                  VARCHAR(20) NOT NULL CHECK (route IN ('IV_KETAMINE', 'IM_KETAMINE', 'IN_ESKETAMINE')),
  indication             VARCHAR(10) NOT NULL CHECK (indication IN ('TRD', 'MDSI', 'OTHER')),
  decision               VARCHAR(30) NOT NULL,
  adequate_failed_trials INT NOT NULL,
  treatment_resistant    BOOLEAN NOT NULL,
  findings               TEXT NOT NULL,
  missing                TEXT NOT NULL,
  trials                 TEXT NOT NULL,
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by             VARCHAR(100) NOT NULL,
  out_of_date_at         TIMESTAMP WITH TIME ZONE,
  out_of_date_reason     VARCHAR(200),
  version                BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX evaluation_patient_idx ON evaluation (clinic_id, patient_id, created_at);

-- The physician's decision and every acknowledgement with its reason. Append-only.
CREATE TABLE evaluation_sign_off
(
  evaluation_id UUID PRIMARY KEY REFERENCES evaluation (id),
  decision      VARCHAR(10) NOT NULL CHECK (decision IN ('APPROVED', 'DECLINED')),
  note          VARCHAR(2000) NOT NULL,
  signed_by     VARCHAR(100) NOT NULL,
  signed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE evaluation_acknowledgement
(
  evaluation_id UUID NOT NULL REFERENCES evaluation_sign_off (evaluation_id),
  rule_id       VARCHAR(60) NOT NULL,
  reason        VARCHAR(1000) NOT NULL,
  PRIMARY KEY (evaluation_id, rule_id)
);

CREATE FUNCTION sign_off_is_immutable() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER evaluation_sign_off_immutable BEFORE UPDATE OR DELETE ON evaluation_sign_off
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();
CREATE TRIGGER evaluation_acknowledgement_immutable BEFORE UPDATE OR DELETE ON evaluation_acknowledgement
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();
