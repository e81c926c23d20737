CREATE TABLE assessment
(
  id           UUID PRIMARY KEY,
  clinic_id    UUID NOT NULL,
  patient_id   UUID NOT NULL,
  instrument   VARCHAR(20) NOT NULL,
  total        INT,
  severity     VARCHAR(40),
  flags        TEXT NOT NULL,
  total_loinc  VARCHAR(20),
  completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  session_id   UUID,
  source       VARCHAR(10) NOT NULL CHECK (source IN ('STAFF', 'PATIENT')),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by   VARCHAR(100) NOT NULL,
  voided_at    TIMESTAMP WITH TIME ZONE,
  voided_by    VARCHAR(100),
  void_reason  VARCHAR(500)
);
CREATE INDEX assessment_patient_idx ON assessment (clinic_id, patient_id, instrument, completed_at);

-- Every answer, with its LOINC item code where one exists, ready for FHIR QuestionnaireResponse.
CREATE TABLE assessment_item
(
  assessment_id UUID NOT NULL REFERENCES assessment (id),
  item_number   INT NOT NULL,
  answer        INT NOT NULL,
  loinc         VARCHAR(20),
  PRIMARY KEY (assessment_id, item_number)
);

CREATE TABLE risk_alert
(
  id              UUID PRIMARY KEY,
  clinic_id       UUID NOT NULL,
  patient_id      UUID NOT NULL,
  assessment_id   UUID NOT NULL REFERENCES assessment (id),
  code            VARCHAR(40) NOT NULL,
  level           VARCHAR(20),
  message         VARCHAR(300) NOT NULL,
  raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  assigned_to     UUID,
  escalated_at    TIMESTAMP WITH TIME ZONE,
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  acknowledged_by VARCHAR(100),
  action          VARCHAR(2000),
  version         BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT acknowledgement_documents_an_action CHECK (acknowledged_at IS NULL OR (action IS NOT NULL AND acknowledged_by IS NOT NULL))
);
CREATE INDEX risk_alert_open_idx ON risk_alert (clinic_id, raised_at) WHERE acknowledged_at IS NULL;
