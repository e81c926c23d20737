-- A resting blood pressure taken at intake or evaluation; session vital signs belong to sessions.
ALTER TABLE patient_measurement ADD COLUMN sbp INT CHECK (sbp BETWEEN 50 AND 300);
ALTER TABLE patient_measurement ADD COLUMN dbp INT CHECK (dbp BETWEEN 20 AND 200);
ALTER TABLE patient_measurement ADD CONSTRAINT measurement_bp_complete CHECK ((sbp IS NULL) = (dbp IS NULL) AND (dbp IS NULL OR dbp < sbp));
ALTER TABLE patient_measurement DROP CONSTRAINT measurement_has_a_value;
ALTER TABLE patient_measurement ADD CONSTRAINT measurement_has_a_value CHECK (weight_kg IS NOT NULL OR height_cm IS NOT NULL OR sbp IS NOT NULL);
