-- A course session is given in one dosing session: a second live session for the same course
-- session number would let the same signed order be given twice. A cancelled or aborted session
-- leaves the number free for a new attempt.
CREATE UNIQUE INDEX dosing_session_one_live_per_course_session ON dosing_session (course_id, course_session_number)
  WHERE course_id IS NOT NULL AND status NOT IN ('CANCELLED', 'ABORTED');
