-- Esketamine REMS (clinical reference section 6): the clinic's healthcare-setting certification,
-- append-only (the current certification is the latest row), and each patient's enrollment.
CREATE TABLE rems_setting_certification
(
  seq                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id                 UUID NOT NULL,
  setting_id                VARCHAR(40) NOT NULL,
  authorised_representative VARCHAR(200) NOT NULL,
  certified_on              DATE NOT NULL,
  recorded_by               VARCHAR(100) NOT NULL,
  recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rems_setting_certification_idx ON rems_setting_certification (clinic_id, seq);

CREATE TABLE rems_patient_enrollment
(
  patient_id  UUID PRIMARY KEY,
  clinic_id   UUID NOT NULL,
  enrolled_on DATE NOT NULL,
  enrolled_by VARCHAR(100) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER rems_setting_certification_immutable BEFORE UPDATE OR DELETE ON rems_setting_certification
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();
CREATE TRIGGER rems_patient_enrollment_immutable BEFORE UPDATE OR DELETE ON rems_patient_enrollment
  FOR EACH ROW EXECUTE FUNCTION sign_off_is_immutable();
