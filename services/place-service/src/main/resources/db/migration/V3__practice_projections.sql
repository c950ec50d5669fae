-- Projections of every learning contract. Person-level tables carry (organisation, pseudonym) so that an erasure or a
-- withdrawal of consent from one organisation drops exactly what that organisation shared about that person.

-- BarrierObserved v2 says on which day the barrier was met; v1 rows are read as met on the UTC day recorded.
alter table barrier_observation add column observed_on date;
update barrier_observation set observed_on = (observed_at at time zone 'UTC')::date;
alter table barrier_observation alter column observed_on set not null;
create index barrier_observation_month on barrier_observation (observed_on, organisation);

create table journey_closed (
    event_id     varchar(64)  primary key,
    organisation varchar(64)  not null,
    pseudonym    varchar(128) not null,
    journey_id   varchar(64)  not null,
    closed_at    timestamptz  not null
);
create index journey_closed_person on journey_closed (organisation, pseudonym);

-- Contacts: the "£90 + 6 visits + 9 phone calls" of a journey.
create table contact (
    event_id     varchar(64)  primary key,
    organisation varchar(64)  not null,
    pseudonym    varchar(128) not null,
    journey_id   varchar(64)  not null,
    kind         varchar(64)  not null,
    minutes      integer      not null,
    spend_pence  bigint       not null,
    contacted_at timestamptz  not null
);
create index contact_person on contact (organisation, pseudonym);
create index contact_journey on contact (organisation, journey_id);

create table soft_measure (
    event_id     varchar(64)  primary key,
    organisation varchar(64)  not null,
    pseudonym    varchar(128) not null,
    journey_id   varchar(64)  not null,
    dimension    varchar(64)  not null,
    score        smallint     not null,
    scored_at    timestamptz  not null
);
create index soft_measure_person on soft_measure (organisation, pseudonym);
create index soft_measure_month on soft_measure (scored_at, dimension);

-- Experiments' learning summaries, written for sharing, searchable in full text.
create table experiment_learning (
    event_id         varchar(64)  primary key,
    organisation     varchar(64)  not null,
    pseudonym        varchar(128) not null,
    journey_id       varchar(64)  not null,
    experiment_id    varchar(64)  not null,
    theme            varchar(64),
    learning_summary text         not null,
    concluded_at     timestamptz  not null,
    search           tsvector generated always as (to_tsvector('english', learning_summary)) stored
);
create index experiment_learning_person on experiment_learning (organisation, pseudonym);
create index experiment_learning_search on experiment_learning using gin (search);

-- The consolidated issue log: the highest revision of each partner's issue.
create table issue (
    organisation       varchar(64)  not null,
    issue_id           varchar(64)  not null,
    revision           integer      not null,
    description        text         not null,
    level              smallint     not null,
    status             varchar(16)  not null,
    owner              varchar(32)  not null,
    countermeasure     text,
    system_change      text,
    themes             text[]       not null,
    system_actors      text[]       not null,
    barrier_count      integer      not null,
    journey_count      integer      not null,
    published_at       timestamptz  not null,
    primary key (organisation, issue_id)
);
create index issue_filters on issue (level, status, owner);

-- Learning cycles at every scale, the highest revision of each, with their connections.
create table learning_cycle (
    organisation              varchar(64)  not null,
    cycle_id                  varchar(64)  not null,
    revision                  integer      not null,
    scale                     varchar(32)  not null,
    question                  text         not null,
    patterns                  text,
    learning_for_other_scales text,
    connected_cycle_ids       text[]       not null,
    published_at              timestamptz  not null,
    search                    tsvector generated always as (to_tsvector('english',
                                  question || ' ' || coalesce(patterns, '') || ' ' || coalesce(learning_for_other_scales, ''))) stored,
    primary key (organisation, cycle_id)
);
create index learning_cycle_search on learning_cycle using gin (search);

-- LM3 per project, predicted and actual: the latest report of each wins.
create table lm3_report (
    organisation varchar(64)    not null,
    project_id   varchar(64)    not null,
    basis        varchar(16)    not null,
    project_name text           not null,
    r1_pence     bigint         not null,
    r2_pence     bigint         not null,
    r3_pence     bigint         not null,
    lm3          numeric(12, 2) not null,
    reported_at  timestamptz    not null,
    primary key (organisation, project_id, basis)
);

-- Evidence signals per published issue waiting to be sent, as pending_signal does for theme and system actor.
create table pending_issue_signal (
    organisation varchar(64) not null,
    issue_id     varchar(64) not null,
    mark         bigint      not null,
    primary key (organisation, issue_id)
);
