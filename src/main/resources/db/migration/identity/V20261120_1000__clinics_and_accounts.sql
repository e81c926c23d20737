CREATE TABLE clinic
(
  id         UUID PRIMARY KEY,
  name       VARCHAR(200) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_account
(
  id                   UUID PRIMARY KEY,
  clinic_id            UUID NOT NULL REFERENCES clinic (id),
  username             VARCHAR(100) NOT NULL UNIQUE,
  display_name         VARCHAR(200) NOT NULL,
  role                 VARCHAR(20) NOT NULL CHECK (role IN ('ADMIN', 'PHYSICIAN', 'NURSE', 'THERAPIST', 'FRONT_DESK', 'PATIENT')),
  patient_id           UUID,
  password_hash        VARCHAR(200) NOT NULL,
  enabled              BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts      INT NOT NULL DEFAULT 0,
  locked_until         TIMESTAMP WITH TIME ZONE,
  totp_secret          VARCHAR(64),
  totp_last_step       BIGINT,
  phone                VARCHAR(40),
  email                VARCHAR(200),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by           VARCHAR(100) NOT NULL,
  changed_at           TIMESTAMP WITH TIME ZONE,
  changed_by           VARCHAR(100),
  version              BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT patient_account_names_its_patient CHECK ((role = 'PATIENT') = (patient_id IS NOT NULL))
);
CREATE INDEX user_account_clinic_idx ON user_account (clinic_id);
CREATE UNIQUE INDEX user_account_one_per_patient ON user_account (patient_id) WHERE patient_id IS NOT NULL;

CREATE TABLE api_token
(
  id           UUID PRIMARY KEY,
  clinic_id    UUID NOT NULL REFERENCES clinic (id),
  user_id      UUID NOT NULL REFERENCES user_account (id),
  token_hash   VARCHAR(64) NOT NULL UNIQUE,
  label        VARCHAR(100) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- HTTP sessions live in the database so that several application instances can serve one clinic.
CREATE TABLE spring_session
(
  primary_id            CHAR(36) NOT NULL PRIMARY KEY,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT NOT NULL,
  last_access_time      BIGINT NOT NULL,
  max_inactive_interval INT NOT NULL,
  expiry_time           BIGINT NOT NULL,
  principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes
(
  session_primary_id CHAR(36) NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA NOT NULL,
  PRIMARY KEY (session_primary_id, attribute_name)
);
