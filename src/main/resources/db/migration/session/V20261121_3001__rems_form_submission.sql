-- A REMS Patient Monitoring Form marked as submitted to the REMS: who, when, the confirmation
-- number, and the form template version it was filled in. Recorded once, never edited.
CREATE TABLE rems_form_submission
(
  session_id          UUID PRIMARY KEY REFERENCES dosing_session (id),
  clinic_id           UUID NOT NULL,
  template_version    VARCHAR(40) NOT NULL,
  confirmation_number VARCHAR(100) NOT NULL,
  submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_by        VARCHAR(100) NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER rems_form_submission_immutable BEFORE UPDATE OR DELETE ON rems_form_submission
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
