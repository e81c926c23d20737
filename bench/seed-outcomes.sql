-- Fills the outcomes read model (and nothing else) for bench/outcomes.sh: :patients courses of the
-- demo clinic started over the last 360 days, 6 to 8 dosing sessions each, and :ratings ratings
-- spread over MADRS, QIDS-SR16 and PHQ-9 (a baseline a week before the course, then every few
-- days, improving for about half the patients). Generated inside PostgreSQL with generate_series.
\set ON_ERROR_STOP on
SELECT id AS clinic FROM clinic ORDER BY created_at LIMIT 1 \gset

CREATE TEMP TABLE bench_patient AS
SELECT g AS n, gen_random_uuid() AS patient_id, gen_random_uuid() AS course_id,
       (CASE g % 3 WHEN 0 THEN 'IV_KETAMINE' WHEN 1 THEN 'IM_KETAMINE' ELSE 'IN_ESKETAMINE' END) AS route,
       current_date - (g % 360) AS start_date
FROM generate_series(1, :patients) g;

INSERT INTO outcomes_cohort_course (course_id, clinic_id, patient_id, protocol, route, start_date, induction_sessions,
  birth_date, sex_at_birth, weight_kg, recorded_at)
SELECT course_id, :'clinic', patient_id, route || '_BENCH', route, start_date, CASE route WHEN 'IN_ESKETAMINE' THEN 8 ELSE 6 END,
       DATE '1950-01-01' + (n * 37 % 18000), CASE n % 2 WHEN 0 THEN 'FEMALE' ELSE 'MALE' END, 55 + n % 50, now()
FROM bench_patient;

INSERT INTO outcomes_cohort_dose (session_id, device_number, clinic_id, patient_id, route, dose_mg, given_at)
SELECT gen_random_uuid(), 0, :'clinic', p.patient_id, p.route,
       CASE p.route WHEN 'IN_ESKETAMINE' THEN (CASE WHEN s = 1 THEN 56 ELSE 84 END) ELSE 35 + p.n % 20 END,
       ((p.start_date + (s - 1) * 3) + TIME '10:00') AT TIME ZONE 'America/New_York'
FROM bench_patient p, generate_series(1, 8) s
WHERE s <= CASE p.route WHEN 'IN_ESKETAMINE' THEN 8 ELSE 6 END - (p.n % 7 = 0)::int * 3;

-- :ratings / :patients ratings per patient, cycling through the three scales; rating k is on day
-- 4(k/3) - 7 from the course start (k = 0 is the baseline a week before).
INSERT INTO outcomes_cohort_rating (assessment_id, clinic_id, patient_id, instrument, total, completed_at)
SELECT gen_random_uuid(), :'clinic', p.patient_id,
       CASE k % 3 WHEN 0 THEN 'MADRS' WHEN 1 THEN 'QIDS_SR16' ELSE 'PHQ9' END,
       GREATEST(0, (CASE k % 3 WHEN 0 THEN 34 ELSE 20 END) * (100 - LEAST(k, 12) * (CASE WHEN p.n % 2 = 0 THEN 6 ELSE 2 END)) / 100),
       ((p.start_date + (k / 3) * 4 - 7) + TIME '16:00') AT TIME ZONE 'America/New_York'
FROM bench_patient p, generate_series(0, (:ratings / :patients) - 1) k;

ANALYZE outcomes_cohort_course;
ANALYZE outcomes_cohort_dose;
ANALYZE outcomes_cohort_rating;
SELECT 'courses', count(*) FROM outcomes_cohort_course
UNION ALL SELECT 'dose rows', count(*) FROM outcomes_cohort_dose
UNION ALL SELECT 'ratings', count(*) FROM outcomes_cohort_rating;
