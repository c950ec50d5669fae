-- The place service's projections. Every row here can be rebuilt from the learning topics:
-- drop the schema, clear consumer_offset, and the intake replays from the earliest offsets.

-- Idempotency: one row per contract event applied; a second delivery of the same id is a no-op.
create table applied_event (
    event_id      varchar(64)  primary key,
    topic         varchar(249) not null,
    kafka_partition integer    not null,
    kafka_offset  bigint       not null,
    applied_at    timestamptz  not null default now()
);

-- Where the intake resumes, written in the same transaction as the rows it produced.
create table consumer_offset (
    topic           varchar(249) not null,
    kafka_partition integer      not null,
    next_offset     bigint       not null,
    updated_at      timestamptz  not null default now(),
    primary key (topic, kafka_partition)
);

-- One row per BarrierObserved: who (pseudonym only), where, which theme and system actor.
create table barrier_observation (
    event_id     varchar(64)  primary key,
    pseudonym    varchar(128) not null,
    organisation varchar(64)  not null,
    journey_id   varchar(64)  not null,
    barrier_id   varchar(64)  not null,
    theme        varchar(64)  not null,
    system_actor varchar(64)  not null,
    level        smallint     not null,
    observed_at  timestamptz  not null
);
create index barrier_observation_pattern on barrier_observation (theme, system_actor, observed_at);

-- One row per JourneyOpened, for reach and "revolving door" views.
create table journey (
    event_id     varchar(64)  primary key,
    pseudonym    varchar(128) not null,
    organisation varchar(64)  not null,
    journey_id   varchar(64)  not null,
    door         varchar(128),
    opened_at    timestamptz  not null
);
create index journey_pseudonym on journey (pseudonym);

-- Patterns whose evidence changed and whose signal has not yet been acknowledged by Kafka.
-- Marked in the projection's transaction, cleared after the send: a crash between the two
-- only means the signal is sent again (consumers dedupe), never that it is lost.
create table pending_signal (
    theme        varchar(64) not null,
    system_actor varchar(64) not null,
    mark         bigint      not null,
    primary key (theme, system_actor)
);
-- A fresh mark on every change, so a send only clears the row if nothing changed meanwhile.
create sequence pending_signal_mark;
