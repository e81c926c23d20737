-- A session alert acknowledged by a nurse or physician with the action taken; until then it is open
-- on the board. Once per alert, never edited.
CREATE TABLE session_alert_acknowledgement
(
  alert_id        UUID PRIMARY KEY REFERENCES session_alert (id),
  session_id      UUID NOT NULL REFERENCES dosing_session (id),
  clinic_id       UUID NOT NULL,
  action          VARCHAR(2000) NOT NULL,
  acknowledged_by VARCHAR(100) NOT NULL,
  acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER session_alert_acknowledgement_immutable BEFORE UPDATE OR DELETE ON session_alert_acknowledgement
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
