-- Each course judged on each outcome scale, kept up to date by the listeners whenever one of the
-- patient's courses, sessions or ratings arrives: the summary is then an aggregate over one row per
-- course instead of a read of every rating (bench/outcomes.sh: 100,000 courses, 2 million ratings).
-- Dropout depends on the day it is asked, so it is derived at read time from induction_complete
-- and last_session.
CREATE TABLE outcomes_cohort_outcome
(
  course_id          UUID NOT NULL,
  instrument         VARCHAR(20) NOT NULL,
  clinic_id          UUID NOT NULL,
  start_date         DATE NOT NULL,
  route              VARCHAR(20) NOT NULL,
  protocol           VARCHAR(100) NOT NULL,
  treated            BOOLEAN NOT NULL,
  sessions           INT NOT NULL,
  induction_complete BOOLEAN NOT NULL,
  last_session       DATE,
  baseline           INT,
  end_of_induction   INT,
  responder          BOOLEAN NOT NULL,
  remitter           BOOLEAN NOT NULL,
  days_to_response   INT,
  weeks_in_response  INT,
  relapsed           BOOLEAN NOT NULL,
  dose_band          VARCHAR(40) NOT NULL,
  PRIMARY KEY (course_id, instrument)
);
CREATE INDEX outcomes_cohort_outcome_period_idx ON outcomes_cohort_outcome (clinic_id, instrument, start_date)
  INCLUDE (route, baseline, responder, remitter);
