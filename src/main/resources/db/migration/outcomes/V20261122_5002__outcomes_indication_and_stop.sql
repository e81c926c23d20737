-- What each course treats (TRD, MDSI, OTHER), for the cohort's diagnosis filter, and the day a
-- physician stopped it: a course stopped short of its induction is a dropout from that day, not
-- after weeks without a session.
ALTER TABLE outcomes_cohort_course ADD COLUMN indication VARCHAR(20), ADD COLUMN stopped_on DATE;
ALTER TABLE outcomes_cohort_outcome ADD COLUMN indication VARCHAR(20), ADD COLUMN stopped_on DATE;
