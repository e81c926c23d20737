CREATE TABLE patient_mrn_counter
(
  clinic_id  UUID PRIMARY KEY,
  last_value BIGINT NOT NULL
);

CREATE TABLE patient
(
  id                      UUID PRIMARY KEY,
  clinic_id               UUID NOT NULL,
  mrn                     VARCHAR(20) NOT NULL,
  given_name              VARCHAR(100) NOT NULL,
  family_name             VARCHAR(100) NOT NULL,
  birth_date              DATE NOT NULL,
  sex_at_birth            VARCHAR(10) NOT NULL CHECK (sex_at_birth IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
  gender_identity         VARCHAR(60),
  phone                   VARCHAR(40),
  email                   VARCHAR(200),
  address_line            VARCHAR(200),
  city                    VARCHAR(100),
  region                  VARCHAR(100),
  postal_code             VARCHAR(20),
  preferred_language      VARCHAR(60),
  emergency_contact_name  VARCHAR(200),
  emergency_contact_phone VARCHAR(40),
  emergency_contact_relationship VARCHAR(60),
  escort_name             VARCHAR(200),
  escort_phone            VARCHAR(40),
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by              VARCHAR(100) NOT NULL,
  changed_at              TIMESTAMP WITH TIME ZONE,
  changed_by              VARCHAR(100),
  voided_at               TIMESTAMP WITH TIME ZONE,
  voided_by               VARCHAR(100),
  void_reason             VARCHAR(500),
  version                 BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT patient_mrn_unique_in_clinic UNIQUE (clinic_id, mrn),
  CONSTRAINT patient_void_has_reason CHECK (voided_at IS NULL OR void_reason IS NOT NULL)
);
-- Search is by name prefix, MRN or birth date, always inside one clinic.
CREATE INDEX patient_family_name_idx ON patient (clinic_id, lower(family_name) text_pattern_ops);
CREATE INDEX patient_given_name_idx ON patient (clinic_id, lower(given_name) text_pattern_ops);
CREATE INDEX patient_birth_date_idx ON patient (clinic_id, birth_date);

CREATE TABLE patient_measurement
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  patient_id  UUID NOT NULL REFERENCES patient (id),
  measured_at TIMESTAMP WITH TIME ZONE NOT NULL,
  weight_kg   NUMERIC(5, 1) CHECK (weight_kg BETWEEN 25 AND 350),
  height_cm   NUMERIC(4, 1) CHECK (height_cm BETWEEN 100 AND 250),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  voided_at   TIMESTAMP WITH TIME ZONE,
  voided_by   VARCHAR(100),
  void_reason VARCHAR(500),
  CONSTRAINT measurement_has_a_value CHECK (weight_kg IS NOT NULL OR height_cm IS NOT NULL)
);
CREATE INDEX patient_measurement_patient_idx ON patient_measurement (patient_id, measured_at);

CREATE TABLE patient_condition
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  patient_id  UUID NOT NULL REFERENCES patient (id),
  code        VARCHAR(20) NOT NULL,
  code_system VARCHAR(10) NOT NULL CHECK (code_system IN ('ICD10', 'SNOMED')),
  display     VARCHAR(200),
  onset_date  DATE,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  voided_at   TIMESTAMP WITH TIME ZONE,
  voided_by   VARCHAR(100),
  void_reason VARCHAR(500)
);
CREATE INDEX patient_condition_patient_idx ON patient_condition (patient_id);

CREATE TABLE patient_history_finding
(
  id          UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  patient_id  UUID NOT NULL REFERENCES patient (id),
  finding     VARCHAR(60) NOT NULL,
  status      VARCHAR(10) NOT NULL CHECK (status IN ('ACTIVE', 'PAST')),
  note        VARCHAR(1000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  voided_at   TIMESTAMP WITH TIME ZONE,
  voided_by   VARCHAR(100),
  void_reason VARCHAR(500)
);
CREATE INDEX patient_history_finding_patient_idx ON patient_history_finding (patient_id);

CREATE TABLE patient_medication
(
  id               UUID PRIMARY KEY,
  clinic_id        UUID NOT NULL,
  patient_id       UUID NOT NULL REFERENCES patient (id),
  name             VARCHAR(200) NOT NULL,
  medication_class VARCHAR(40),
  dose             VARCHAR(100),
  start_date       DATE,
  end_date         DATE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(100) NOT NULL,
  voided_at        TIMESTAMP WITH TIME ZONE,
  voided_by        VARCHAR(100),
  void_reason      VARCHAR(500),
  CONSTRAINT medication_ends_after_start CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX patient_medication_patient_idx ON patient_medication (patient_id);

CREATE TABLE antidepressant_trial
(
  id              UUID PRIMARY KEY,
  clinic_id       UUID NOT NULL,
  patient_id      UUID NOT NULL REFERENCES patient (id),
  drug            VARCHAR(100) NOT NULL,
  drug_class      VARCHAR(60),
  daily_dose_mg   NUMERIC(7, 2) NOT NULL CHECK (daily_dose_mg > 0),
  start_date      DATE NOT NULL,
  end_date        DATE,
  adherent        BOOLEAN NOT NULL,
  outcome         VARCHAR(20) NOT NULL CHECK (outcome IN ('NO_RESPONSE', 'PARTIAL_RESPONSE', 'RESPONSE', 'INTOLERANT')),
  current_episode BOOLEAN NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  voided_at       TIMESTAMP WITH TIME ZONE,
  voided_by       VARCHAR(100),
  void_reason     VARCHAR(500),
  CONSTRAINT trial_ends_after_start CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX antidepressant_trial_patient_idx ON antidepressant_trial (patient_id);
