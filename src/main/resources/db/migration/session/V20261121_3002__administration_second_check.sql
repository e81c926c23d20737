-- The second person who checked an IV dose before it ran (clinic setting clinic.session.iv-second-person-check).
ALTER TABLE session_administration ADD COLUMN checked_by VARCHAR(100);
