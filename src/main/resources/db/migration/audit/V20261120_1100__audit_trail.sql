-- Every read and change of patient data, and every denied attempt. Append-only: each entry
-- carries a SHA-256 over its own content and the previous entry's hash, so an edit made behind
-- the database's back breaks the chain where it was made.
CREATE TABLE audit_entry
(
  seq            BIGSERIAL PRIMARY KEY,
  id             UUID NOT NULL UNIQUE,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id        UUID,
  username       VARCHAR(100),
  role           VARCHAR(20),
  clinic_id      UUID,
  patient_id     UUID,
  resource_type  VARCHAR(60) NOT NULL,
  resource_id    VARCHAR(200),
  action         VARCHAR(30) NOT NULL,
  outcome        VARCHAR(20) NOT NULL,
  client_address VARCHAR(64),
  previous_hash  CHAR(64) NOT NULL,
  hash           CHAR(64) NOT NULL
);
CREATE INDEX audit_entry_patient_idx ON audit_entry (clinic_id, patient_id, occurred_at);
CREATE INDEX audit_entry_user_idx ON audit_entry (clinic_id, username, occurred_at);
CREATE INDEX audit_entry_time_idx ON audit_entry (clinic_id, occurred_at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
