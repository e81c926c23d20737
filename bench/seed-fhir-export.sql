-- Fills the real tables for bench/fhir-export.sh, the same size as the outcomes benchmark:
-- :patients patients of the demo clinic (with a weight and blood pressure and a diagnosis each) and
-- :ratings rating-scale assessments with every item answer, cycling through MADRS (10 items, 0-6),
-- QIDS-SR16 (16 items, 0-3) and PHQ-9 (9 items, 0-3, with their LOINC item codes), spread over the
-- last year. Generated inside PostgreSQL with generate_series; the answers are arbitrary but
-- deterministic, and each total is the sum of its answers.
\set ON_ERROR_STOP on
SELECT id AS clinic FROM clinic ORDER BY created_at LIMIT 1 \gset

CREATE TEMP TABLE bench_patient AS
SELECT g AS n, gen_random_uuid() AS patient_id, now() - make_interval(days => 30 + g % 700) AS registered_at
FROM generate_series(1, :patients) g;

INSERT INTO patient (id, clinic_id, mrn, given_name, family_name, birth_date, sex_at_birth, phone, email, address_line, city,
  region, postal_code, preferred_language, created_at, created_by)
SELECT patient_id, :'clinic', 'BX' || lpad(n::text, 8, '0'),
       (ARRAY['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Ethan', 'Ivy', 'Omar', 'Lena', 'Kai'])[1 + n % 10],
       'Bench' || n, DATE '1945-01-01' + (n * 37 % 20000), CASE n % 2 WHEN 0 THEN 'FEMALE' ELSE 'MALE' END,
       '+1-555-' || lpad((n % 10000)::text, 4, '0'), 'bench' || n || '@example.org', n || ' Main Street', 'Springfield', 'IL',
       lpad((62700 + n % 99)::text, 5, '0'), CASE WHEN n % 5 = 0 THEN 'Spanish' END, registered_at, 'bench'
FROM bench_patient;

INSERT INTO patient_measurement (id, clinic_id, patient_id, measured_at, weight_kg, height_cm, sbp, dbp, created_at, created_by)
SELECT gen_random_uuid(), :'clinic', patient_id, registered_at, 55 + n % 50, 150 + n % 40, 110 + n % 30, 70 + n % 15, registered_at, 'bench'
FROM bench_patient;

INSERT INTO patient_condition (id, clinic_id, patient_id, code, code_system, display, onset_date, created_at, created_by)
SELECT gen_random_uuid(), :'clinic', patient_id, CASE n % 3 WHEN 0 THEN 'F33.2' WHEN 1 THEN 'F32.2' ELSE 'F43.10' END, 'ICD10',
       CASE n % 3 WHEN 0 THEN 'Major depressive disorder, recurrent severe without psychotic features'
                  WHEN 1 THEN 'Major depressive disorder, single episode, severe without psychotic features'
                  ELSE 'Post-traumatic stress disorder, unspecified' END,
       (registered_at - interval '3 years')::date, registered_at, 'bench'
FROM bench_patient;

-- Rating k of patient n: instrument k % 3, every 4 days over the last year; answer of item i is
-- (n * 7 + k * 3 + i) modulo the item's range.
CREATE TEMP TABLE bench_rating AS
SELECT gen_random_uuid() AS id, p.patient_id, p.n, k,
       (ARRAY['MADRS', 'QIDS_SR16', 'PHQ9'])[1 + k % 3] AS instrument,
       (ARRAY[10, 16, 9])[1 + k % 3] AS items,
       (ARRAY[7, 4, 4])[1 + k % 3] AS range,
       now() - make_interval(days => 365 - (k * 4) % 365, hours => n % 10) AS completed_at
FROM bench_patient p, generate_series(0, (:ratings / :patients) - 1) k;

INSERT INTO assessment (id, clinic_id, patient_id, instrument, total, severity, flags, total_loinc, completed_at, source,
  created_at, created_by)
SELECT r.id, :'clinic', r.patient_id, r.instrument, t.total,
       CASE r.instrument
         WHEN 'MADRS' THEN CASE WHEN t.total <= 6 THEN 'NORMAL' WHEN t.total <= 19 THEN 'MILD' WHEN t.total <= 34 THEN 'MODERATE' ELSE 'SEVERE' END
         WHEN 'QIDS_SR16' THEN CASE WHEN t.total <= 5 THEN 'NONE' WHEN t.total <= 10 THEN 'MILD' WHEN t.total <= 15 THEN 'MODERATE' ELSE 'SEVERE' END
         ELSE CASE WHEN t.total <= 4 THEN 'MINIMAL' WHEN t.total <= 9 THEN 'MILD' WHEN t.total <= 14 THEN 'MODERATE'
                   WHEN t.total <= 19 THEN 'MODERATELY_SEVERE' ELSE 'SEVERE' END
       END,
       '', CASE r.instrument WHEN 'PHQ9' THEN '44261-6' END, r.completed_at,
       CASE r.instrument WHEN 'MADRS' THEN 'STAFF' ELSE 'PATIENT' END, r.completed_at, 'bench'
FROM bench_rating r,
     LATERAL (SELECT sum((r.n * 7 + r.k * 3 + i) % r.range)::int AS total FROM generate_series(1, r.items) i) t;

INSERT INTO assessment_item (assessment_id, item_number, answer, loinc)
SELECT r.id, i, (r.n * 7 + r.k * 3 + i) % r.range,
       CASE r.instrument WHEN 'PHQ9' THEN (ARRAY['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5',
         '44253-3', '44260-8'])[i] END
FROM bench_rating r, generate_series(1, r.items) i;

ANALYZE patient;
ANALYZE patient_measurement;
ANALYZE patient_condition;
ANALYZE assessment;
ANALYZE assessment_item;
SELECT 'patients', count(*) FROM patient
UNION ALL SELECT 'measurements', count(*) FROM patient_measurement
UNION ALL SELECT 'conditions', count(*) FROM patient_condition
UNION ALL SELECT 'assessments', count(*) FROM assessment
UNION ALL SELECT 'assessment items', count(*) FROM assessment_item;
