-- Optional seed for bench/search.sh (SEED=sql): tops the demo clinic up to :total patients by
-- inserting rows straight into patient, with far more varied names than the demo seed (whose
-- 40 given x 30 family names make every name prefix match hundreds of patients).
-- Registration-only rows: no chart entries, no audit entries, MRNs continue the clinic counter.
-- psql -v total=10000 -f bench/seed-varied-patients.sql

\set ON_ERROR_STOP on

SELECT setseed(0.20261120) \gset

BEGIN;

CREATE TEMP TABLE bench_names ON COMMIT DROP AS
SELECT ARRAY[
  'Aaliyah','Aaron','Abigail','Adam','Adrian','Aisha','Alan','Alejandro','Alexis','Alice','Amanda','Amir','Amy','Ana',
  'Andrea','Andrew','Angela','Anna','Anthony','Arjun','Ashley','Barbara','Beatriz','Benjamin','Bianca','Brandon','Brian',
  'Brittany','Camila','Carlos','Carmen','Caroline','Catherine','Chen','Chloe','Christina','Christopher','Cynthia','Daniel',
  'David','Deborah','Deepa','Denise','Diana','Diego','Dmitri','Donna','Dorothy','Edward','Elena','Elijah','Elizabeth',
  'Emily','Emma','Eric','Esther','Ethan','Eva','Fatima','Fernando','Fiona','Francisco','Gabriel','Gloria','Grace',
  'Gregory','Hana','Hannah','Harold','Hassan','Heather','Helen','Hiroshi','Ibrahim','Irene','Isaac','Isabella','Ivan',
  'Jacob','James','Jamal','Janet','Jasmine','Jason','Jennifer','Jessica','Joan','John','Jonathan','Jorge','Jose','Joseph',
  'Joshua','Juan','Julia','Justin','Karen','Katherine','Keisha','Kenji','Kevin','Kimberly','Laura','Lauren','Leila',
  'Linda','Lisa','Lucas','Luis','Madison','Manuel','Margaret','Maria','Mark','Marta','Martha','Mary','Matthew','Mei',
  'Melissa','Michael','Michelle','Miguel','Mohammed','Nadia','Nancy','Natalie','Nathan','Nicole','Nikolai','Noah','Olga',
  'Olivia','Omar','Pablo','Patricia','Patrick','Paul','Pedro','Priya','Rachel','Rafael','Rahul','Rebecca','Richard',
  'Robert','Rosa','Ruth','Ryan','Samantha','Samuel','Sandra','Sara','Scott','Sean','Sharon','Sofia','Stephanie','Steven',
  'Susan','Tamara','Teresa','Thomas','Timothy','Tyler','Valentina','Victor','Victoria','Wei','William','Xavier','Yara',
  'Yusuf','Zachary','Zara','Zoe'] AS given,
ARRAY[
  'Abbott','Acosta','Adams','Adeyemi','Aguilar','Ahmed','Alexander','Ali','Allen','Alvarez','Anderson','Andersson',
  'Armstrong','Bailey','Baker','Banerjee','Barnes','Becker','Bell','Bennett','Bergstrom','Bianchi','Bishop','Black',
  'Boyd','Bradley','Brennan','Brooks','Brown','Bryant','Burke','Butler','Campbell','Carlson','Carter','Castillo',
  'Castro','Chan','Chavez','Chen','Cho','Clark','Cohen','Coleman','Collins','Cook','Cooper','Costa','Cruz','Cunningham',
  'Dang','Davies','Davis','Delgado','Diaz','Dixon','Dubois','Duncan','Dunn','Edwards','Eriksen','Evans','Ferguson',
  'Fernandez','Fischer','Fitzgerald','Flores','Ford','Foster','Fox','Freeman','Garcia','Gardner','Gibson','Gomez',
  'Gonzalez','Gordon','Graham','Grant','Gray','Green','Griffin','Gupta','Gutierrez','Haddad','Hall','Hamilton','Hansen',
  'Harris','Hart','Hayes','Henderson','Hernandez','Herrera','Hill','Hoffman','Holmes','Howard','Hughes','Hunt','Hussain',
  'Ibarra','Iqbal','Ito','Jackson','James','Jansen','Jenkins','Jensen','Jimenez','Johnson','Jones','Jordan','Kang',
  'Kaur','Kelly','Kennedy','Khan','Kim','King','Kowalski','Kumar','Larsen','Lee','Lewis','Li','Lindgren','Liu','Lopez',
  'Martin','Martinez','Mason','Mbeki','McCarthy','Medina','Mehta','Mendoza','Meyer','Miller','Mitchell','Molina',
  'Moore','Morales','Moreau','Morgan','Morris','Murphy','Murray','Myers','Nakamura','Nguyen','Nielsen','Novak',
  'Nunez','Obi','Okafor','Olsen','Ortiz','Owens','Palmer','Park','Patel','Perez','Perry','Petrov','Phillips','Pierce',
  'Popescu','Powell','Price','Quinn','Ramirez','Ramos','Reed','Reyes','Reynolds','Rice','Richardson','Rivera',
  'Roberts','Robinson','Rodriguez','Rogers','Romero','Rossi','Ruiz','Russell','Ryan','Sanchez','Sanders','Santos',
  'Sato','Schmidt','Schneider','Scott','Shah','Shaw','Silva','Simmons','Singh','Smith','Snyder','Sokolov','Spencer',
  'Stevens','Stewart','Stone','Sullivan','Suzuki','Tanaka','Taylor','Thomas','Thompson','Torres','Tran','Tucker',
  'Turner','Umar','Vargas','Vasquez','Wagner','Walker','Wallace','Wang','Ward','Warren','Washington','Watson','Weber',
  'Wells','West','White','Whitfield','Williams','Wilson','Wong','Wood','Wright','Wu','Xu','Yamamoto','Yang','Yilmaz',
  'Young','Zhang','Zhou','Zimmerman'] AS family;

CREATE TEMP TABLE bench_clinic ON COMMIT DROP AS
SELECT c.id AS clinic_id, coalesce(m.last_value, 0) AS last_mrn, (SELECT count(*) FROM patient p WHERE p.clinic_id = c.id) AS existing
FROM clinic c LEFT JOIN patient_mrn_counter m ON m.clinic_id = c.id
WHERE c.name = 'Demo Ketamine Clinic';

CREATE TEMP TABLE bench_new ON COMMIT DROP AS
SELECT n,
       names.given[1 + floor(random() * cardinality(names.given))::int] AS given,
       names.family[1 + floor(random() * cardinality(names.family))::int] AS family,
       date '1946-01-01' + floor(random() * 21900)::int AS birth_date,
       (ARRAY['FEMALE','FEMALE','FEMALE','MALE','MALE','OTHER'])[1 + floor(random() * 6)::int] AS sex
FROM generate_series(1, greatest(:total - (SELECT existing FROM bench_clinic), 0)) AS n CROSS JOIN bench_names names;

INSERT INTO patient (id, clinic_id, mrn, given_name, family_name, birth_date, sex_at_birth, phone, email, city,
                     preferred_language, created_at, created_by)
SELECT gen_random_uuid(), c.clinic_id, 'K' || lpad((c.last_mrn + b.n)::text, 6, '0'), b.given, b.family, b.birth_date,
       b.sex, '555-04' || lpad((b.n % 100)::text, 2, '0'),
       lower(b.given) || '.' || lower(b.family) || b.n || '@example.org', 'Springfield', 'English', now(), 'bench-seed'
FROM bench_new b CROSS JOIN bench_clinic c;

UPDATE patient_mrn_counter m
SET last_value = m.last_value + (SELECT count(*) FROM bench_new)
FROM bench_clinic c WHERE m.clinic_id = c.clinic_id;

COMMIT;

ANALYZE patient;

SELECT count(*) AS patients, count(DISTINCT family_name) AS family_names, count(DISTINCT given_name) AS given_names
FROM patient;
