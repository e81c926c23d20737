-- The REMS Patient Monitoring Form asks for the healthcare setting's name and address and a phone
-- number for the monitoring clinician (clinical reference section 7). They belong to the setting's
-- certification; rows recorded before this change have none and the form shows them as missing.
ALTER TABLE rems_setting_certification
  ADD COLUMN setting_name    VARCHAR(200),
  ADD COLUMN setting_address VARCHAR(500),
  ADD COLUMN setting_phone   VARCHAR(40);
