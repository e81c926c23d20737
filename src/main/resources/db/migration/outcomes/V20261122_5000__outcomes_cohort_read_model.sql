-- The outcomes module's own read model for cohort analytics and the research export, filled by
-- listeners from public events (protocol.CourseStarted, session.DoseAdministered,
-- assessment.AssessmentRecorded). Never joined to another module's tables.

-- One row per treatment course, with a snapshot of what the analytics need about the patient
-- taken when the course started (age, sex, weight for mg/kg dose bands).
CREATE TABLE outcomes_cohort_course
(
  course_id          UUID PRIMARY KEY,
  clinic_id          UUID NOT NULL,
  patient_id         UUID NOT NULL,
  protocol           VARCHAR(100) NOT NULL,
  route              VARCHAR(20) NOT NULL,
  start_date         DATE NOT NULL,
  induction_sessions INT,
  birth_date         DATE,
  sex_at_birth       VARCHAR(10),
  weight_kg          NUMERIC(6, 1),
  recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX outcomes_cohort_course_period_idx ON outcomes_cohort_course (clinic_id, start_date);
CREATE INDEX outcomes_cohort_course_patient_idx ON outcomes_cohort_course (patient_id, start_date);

-- One row per administration (an esketamine session has one per device); a session's dose is the sum.
CREATE TABLE outcomes_cohort_dose
(
  session_id    UUID NOT NULL,
  device_number INT NOT NULL,
  clinic_id     UUID NOT NULL,
  patient_id    UUID NOT NULL,
  route         VARCHAR(20) NOT NULL,
  dose_mg       NUMERIC(8, 1) NOT NULL,
  given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (session_id, device_number)
);
CREATE INDEX outcomes_cohort_dose_patient_idx ON outcomes_cohort_dose (patient_id, given_at);

-- Depression scale totals only (MADRS, QIDS-SR16, PHQ-9): what response and remission are judged on.
CREATE TABLE outcomes_cohort_rating
(
  assessment_id UUID PRIMARY KEY,
  clinic_id     UUID NOT NULL,
  patient_id    UUID NOT NULL,
  instrument    VARCHAR(20) NOT NULL,
  total         INT NOT NULL,
  completed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX outcomes_cohort_rating_patient_idx ON outcomes_cohort_rating (patient_id, instrument, completed_at) INCLUDE (total);
