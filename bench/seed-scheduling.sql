-- Seed for bench/scheduling.sh: a clinic of its own ("Scheduling bench") with 30 chairs, 4 rooms,
-- 40 staff (30 nurses, 8 physicians, 2 therapists), 2,000 patients, opening and working hours
-- Monday to Saturday 07:00-19:00, and a year of IV infusions from :'first' (a Monday): every chair
-- has five 100-minute infusions a day (07:00, 09:00, 11:00, 13:00, 15:00) with its own nurse,
-- leaving 17:00-19:00 free for the booking run. Registration-only patient rows; the appointments
-- are inserted straight into the table (the exclusion constraints still check every row).
-- The bench front-desk user signs in with the demo password (its hash is copied from `frontdesk`).
-- psql -v first=2026-11-23 -v zone=America/New_York -f bench/seed-scheduling.sql

\set ON_ERROR_STOP on

BEGIN;

INSERT INTO clinic (id, name, created_at) VALUES (gen_random_uuid(), 'Scheduling bench', now());
CREATE TEMP TABLE bench_clinic ON COMMIT DROP AS SELECT id FROM clinic WHERE name = 'Scheduling bench';

INSERT INTO user_account (id, clinic_id, username, display_name, role, password_hash, created_at, created_by)
SELECT gen_random_uuid(), c.id, 'bench-frontdesk', 'Bench Front Desk', 'FRONT_DESK',
       (SELECT password_hash FROM user_account WHERE username = 'frontdesk'), now(), 'bench'
FROM bench_clinic c;

INSERT INTO user_account (id, clinic_id, username, display_name, role, password_hash, created_at, created_by)
SELECT gen_random_uuid(), c.id, 'bench-staff-' || lpad(n::text, 2, '0'), 'Bench staff ' || n,
       CASE WHEN n <= 30 THEN 'NURSE' WHEN n <= 38 THEN 'PHYSICIAN' ELSE 'THERAPIST' END,
       (SELECT password_hash FROM user_account WHERE username = 'frontdesk'), now(), 'bench'
FROM bench_clinic c, generate_series(1, 40) n;

INSERT INTO scheduling_resource (id, clinic_id, kind, name, capabilities, created_at, created_by)
SELECT gen_random_uuid(), c.id, 'CHAIR', 'Chair ' || lpad(n::text, 2, '0'), 'INFUSION_PUMP,PULSE_OXIMETER,RECLINER', now(), 'bench'
FROM bench_clinic c, generate_series(1, 30) n;
INSERT INTO scheduling_resource (id, clinic_id, kind, name, capabilities, created_at, created_by)
SELECT gen_random_uuid(), c.id, 'ROOM', 'Room ' || n, '', now(), 'bench'
FROM bench_clinic c, generate_series(1, 4) n;

INSERT INTO scheduling_opening_hours (clinic_id, weekday, opens, closes, changed_at, changed_by)
SELECT c.id, d, '07:00', '19:00', now(), 'bench' FROM bench_clinic c, generate_series(1, 6) d;
INSERT INTO scheduling_staff_hours (clinic_id, user_id, weekday, starts, ends, changed_at, changed_by)
SELECT u.clinic_id, u.id, d, '07:00', '19:00', now(), 'bench'
FROM user_account u JOIN bench_clinic c ON c.id = u.clinic_id, generate_series(1, 6) d WHERE u.role <> 'FRONT_DESK';

INSERT INTO patient (id, clinic_id, mrn, given_name, family_name, birth_date, sex_at_birth, created_at, created_by)
SELECT gen_random_uuid(), c.id, 'B' || lpad(n::text, 6, '0'), 'Bench', 'Patient' || n, DATE '1980-01-01' + n, 'FEMALE', now(), 'bench'
FROM bench_clinic c, generate_series(1, 2000) n;

CREATE TEMP TABLE bench_chair ON COMMIT DROP AS
SELECT r.id, row_number() OVER (ORDER BY r.name) AS n FROM scheduling_resource r JOIN bench_clinic c ON c.id = r.clinic_id
WHERE r.kind = 'CHAIR';
CREATE TEMP TABLE bench_nurse ON COMMIT DROP AS
SELECT u.id, row_number() OVER (ORDER BY u.username) AS n FROM user_account u JOIN bench_clinic c ON c.id = u.clinic_id
WHERE u.role = 'NURSE';
CREATE TEMP TABLE bench_patient ON COMMIT DROP AS
SELECT p.id, row_number() OVER (ORDER BY p.mrn) - 1 AS n FROM patient p JOIN bench_clinic c ON c.id = p.clinic_id;
CREATE TEMP TABLE bench_day ON COMMIT DROP AS
SELECT d::date AS day, row_number() OVER (ORDER BY d) AS n
FROM generate_series(DATE :'first', DATE :'first' + 364, interval '1 day') d WHERE extract(isodow FROM d) <= 6;

-- one patient per (day, chair, slot), never twice on a day
INSERT INTO scheduling_appointment (id, clinic_id, patient_id, type, start_at, end_at, resource_id, staff_id, status, created_at, created_by)
SELECT gen_random_uuid(), c.id, p.id, 'IV_INFUSION',
       (d.day + make_time(7 + 2 * s, 0, 0)) AT TIME ZONE :'zone',
       (d.day + make_time(7 + 2 * s, 0, 0)) AT TIME ZONE :'zone' + interval '100 minutes',
       ch.id, nu.id, 'BOOKED', now(), 'bench'
FROM bench_clinic c, bench_day d, bench_chair ch JOIN bench_nurse nu ON nu.n = ch.n, generate_series(0, 4) s, bench_patient p
WHERE p.n = ((d.n * 150 + (ch.n - 1) * 5 + s) % 2000);

COMMIT;

ANALYZE scheduling_appointment;
SELECT count(*) AS appointments FROM scheduling_appointment a JOIN clinic c ON c.id = a.clinic_id WHERE c.name = 'Scheduling bench';
