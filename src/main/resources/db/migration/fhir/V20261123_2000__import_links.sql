-- What a FHIR transaction import stored, by the sending system's key, so importing the same
-- bundle again stores nothing new and answers with the existing locations. Patient: first
-- identifier system|value, else the entry's fullUrl; other resources: the fullUrl, else type/id.
CREATE TABLE fhir_import_link
(
  clinic_id     UUID NOT NULL,
  resource_type VARCHAR(40) NOT NULL,
  source_key    VARCHAR(500) NOT NULL,
  local_id      UUID NOT NULL,
  location      VARCHAR(200) NOT NULL,
  imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  imported_by   VARCHAR(100) NOT NULL,
  CONSTRAINT fhir_import_link_pk PRIMARY KEY (clinic_id, resource_type, source_key)
);
