-- The issue log as workers and leads list it: one row per issue, kept by IssueLog in the same transaction as the
-- events it reads (a subscribing processor), so a list read right after a change already shows it.
create table issue_log (
    issue_id          varchar(64)  not null primary key,
    description       text         not null,
    level             integer      not null,
    owner             varchar(64)  not null,
    status            varchar(16)  not null,
    countermeasure    text,
    system_change     text,
    themes            text         not null,
    system_actors     text         not null,
    shared_with_place boolean      not null default false,
    raised_at         timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null
);

create index issue_log_filters on issue_log (status, level, owner);

-- The journeys, and barriers on them, an issue rests on; only their counts leave this organisation.
create table issue_evidence (
    issue_id   varchar(64)  not null references issue_log (issue_id),
    journey_id varchar(64)  not null,
    barrier_id varchar(64),
    linked_at  timestamptz  not null
);

create unique index issue_evidence_once on issue_evidence (issue_id, journey_id, coalesce(barrier_id, ''));
