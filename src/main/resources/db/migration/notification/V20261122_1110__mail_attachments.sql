-- Files sent with a queued email (a reminder's calendar entry), stored with the message so that
-- a retry after an outage sends exactly what was queued.
CREATE TABLE mail_attachment
(
  id            UUID PRIMARY KEY,
  mail_id       UUID         NOT NULL REFERENCES mail_outbox (id),
  position      INT          NOT NULL,
  filename      VARCHAR(200) NOT NULL,
  content_type  VARCHAR(200) NOT NULL,
  content       BYTEA        NOT NULL,
  UNIQUE (mail_id, position)
);
