-- Vital signs taken outside a dosing session (an outside record, a referral's bundle): the same
-- plausibility ranges as a session's vital signs, so a value refused there is refused here too.
ALTER TABLE patient_measurement ADD COLUMN heart_rate INT CHECK (heart_rate BETWEEN 20 AND 250);
ALTER TABLE patient_measurement ADD COLUMN respiratory_rate INT CHECK (respiratory_rate BETWEEN 2 AND 60);
ALTER TABLE patient_measurement ADD COLUMN spo2 INT CHECK (spo2 BETWEEN 50 AND 100);
ALTER TABLE patient_measurement DROP CONSTRAINT measurement_has_a_value;
ALTER TABLE patient_measurement ADD CONSTRAINT measurement_has_a_value CHECK (weight_kg IS NOT NULL OR height_cm IS NOT NULL
  OR sbp IS NOT NULL OR heart_rate IS NOT NULL OR respiratory_rate IS NOT NULL OR spo2 IS NOT NULL);
