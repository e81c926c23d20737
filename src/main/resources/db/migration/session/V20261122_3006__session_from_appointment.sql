-- A course's dosing session booked on the schedule is planned here from the appointment, and moves
-- or is cancelled with it: the appointment it came from, once per appointment.
ALTER TABLE dosing_session ADD COLUMN appointment_id UUID;
CREATE UNIQUE INDEX dosing_session_appointment ON dosing_session (appointment_id) WHERE appointment_id IS NOT NULL;
