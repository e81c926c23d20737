-- A trial imported from another system (a FHIR MedicationRequest) says which drug and when, never
-- how it went: UNKNOWN until a clinician records the outcome; staging never counts it as adequate.
ALTER TABLE antidepressant_trial DROP CONSTRAINT antidepressant_trial_outcome_check;
ALTER TABLE antidepressant_trial ADD CONSTRAINT antidepressant_trial_outcome_check
  CHECK (outcome IN ('NO_RESPONSE', 'PARTIAL_RESPONSE', 'RESPONSE', 'INTOLERANT', 'UNKNOWN'));
