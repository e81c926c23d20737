-- One row per relapse episode: the unique key keeps the next rating from raising it again.
create table relapse_alert (
    id                       uuid primary key,
    clinic_id                uuid not null,
    patient_id               uuid not null,
    instrument               varchar(20) not null,
    episode_since            timestamptz not null,
    first_at                 timestamptz not null,
    first_total              integer not null,
    confirmed_at             timestamptz not null,
    confirmed_total          integer not null,
    course_id                uuid,
    next_planned_maintenance date,
    suggested_by             date not null,
    message                  text not null,
    raised_at                timestamptz not null,
    assigned_to              uuid,
    acknowledged_at          timestamptz,
    acknowledged_by          varchar(100),
    action                   text,
    version                  bigint not null default 0,
    constraint relapse_alert_once_per_episode unique (patient_id, instrument, episode_since)
);

create index relapse_alert_open on relapse_alert (clinic_id, raised_at) where acknowledged_at is null;
create index relapse_alert_patient on relapse_alert (clinic_id, patient_id);
