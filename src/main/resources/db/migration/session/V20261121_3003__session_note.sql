-- The session note: composed from the session's data, edited if need be, signed once and then
-- locked; later corrections and additions are addenda. Both tables are append-only.
CREATE TABLE session_note
(
  session_id     UUID PRIMARY KEY REFERENCES dosing_session (id),
  clinic_id      UUID NOT NULL,
  text           TEXT NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  signed_by      VARCHAR(100) NOT NULL,
  signed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE session_note_addendum
(
  id         UUID PRIMARY KEY,
  session_id UUID NOT NULL REFERENCES session_note (session_id),
  clinic_id  UUID NOT NULL,
  text       TEXT NOT NULL,
  added_by   VARCHAR(100) NOT NULL,
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_note_addendum_session_idx ON session_note_addendum (session_id, added_at);

CREATE TRIGGER session_note_immutable BEFORE UPDATE OR DELETE ON session_note
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
CREATE TRIGGER session_note_addendum_immutable BEFORE UPDATE OR DELETE ON session_note_addendum
  FOR EACH ROW EXECUTE FUNCTION session_row_is_immutable();
