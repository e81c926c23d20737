-- Each change of a clinic's evaluation policy (clinical reference POLICY items): who, when, the
-- value before and after, and why. Append-only: the current value of a setting is its latest row;
-- a clinic without rows uses the defaults.
CREATE TABLE clinic_policy_change
(
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          UUID NOT NULL UNIQUE,
  clinic_id   UUID NOT NULL,
  setting_key VARCHAR(80) NOT NULL,
  old_value   VARCHAR(40) NOT NULL,
  new_value   VARCHAR(40) NOT NULL,
  reason      VARCHAR(1000) NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by  VARCHAR(100) NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX clinic_policy_change_idx ON clinic_policy_change (clinic_id, setting_key, seq);

CREATE TRIGGER clinic_policy_change_immutable BEFORE UPDATE OR DELETE ON clinic_policy_change
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();
