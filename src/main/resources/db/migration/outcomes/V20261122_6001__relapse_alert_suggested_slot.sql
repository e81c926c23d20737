-- The first free chair before the suggested day, found when the alert was raised (null when none was free).
alter table relapse_alert add column suggested_slot timestamptz;
