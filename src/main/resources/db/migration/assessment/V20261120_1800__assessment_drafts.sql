-- A self-report the patient started in the portal and means to finish later: one per patient and scale.
-- answers holds one entry per item, comma-separated, empty where not answered yet ("1,0,,2").
CREATE TABLE assessment_draft
(
  patient_id UUID NOT NULL,
  instrument VARCHAR(20) NOT NULL,
  answers    TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (patient_id, instrument)
);
